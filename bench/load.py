"""A bounded load test: N simulated users with a mixed workload against the real server.

    .venv/bin/python bench/load.py [--users 8] [--seconds 30] [--requests N] [--json FILE]
                                   [--no-embed]

In a fresh temporary data folder: `hub seed` (the demo ecosystem) and `hub reembed`, then
`hub serve` on 127.0.0.1 with the rate limits raised out of the way (HUB_RATE_LIMIT_* of
bench/_hub.py: a handful of users from one address would hit the 120-a-minute limit at once).
Each user signs up through the accounts API (signUp, the verification link from the outbox,
verifyEmail, signIn, createApiToken) and then, until the time (or the request count) is up,
sends one request after another, chosen at random with fixed weights:

- reads: a page of organisations, a text search of organisations, a node by id;
- writes: create an organisation (the user owns it), update one of its own organisations;
- matches: suggestPartners(text:).

Reported: requests, errors and p50/p95/p99 per operation, and throughput. Afterwards every
acknowledged write is checked through the API: each created organisation is there exactly
once (no lost or duplicated writes) and shows the last update acknowledged for it.
"""

from __future__ import annotations

import argparse
import asyncio
import email
import json
import random
import re
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from email import policy
from pathlib import Path
from typing import Any

import httpx
from _hub import GQL_HEADERS, Served, data_dir, hub_env, load_note, ms, quantile, run_hub, say

PASSWORD = "load test password 1"
SEARCH_WORDS = ("θεσσαλονικη", "robotics", "energy", "data", "university", "port", "health")
MATCH_TEXTS = (
    "smart port logistics with computer vision",
    "open data platform for urban mobility in Thessaloniki",
    "agri-food supply chain traceability",
    "renewable energy communities and storage",
)
WEIGHTS = {"list": 25, "search": 20, "node": 20, "create": 12, "update": 13, "match": 10}
PREFIX = "load"

SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) { errors { code message } } }"""
VERIFY = """mutation($token: String!) { verifyEmail(token: $token) { ok errors { code } } }"""
SIGN_IN = """mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { errors { code message } } }"""
CREATE_TOKEN = """mutation { createApiToken(name: "load", scopes: [READ, WRITE]) {
  secret errors { code message } } }"""
LIST = """query($after: String) { organisations(first: 20, after: $after) {
  totalCount edges { cursor node { id name kind city } } } }"""
SEARCH = """query($text: String!) { organisations(first: 10, filter: {text: $text}) {
  totalCount edges { node { id name } } } }"""
NODE = """query($id: ID!) { node(id: $id) { id ... on Organisation { name sectors } } }"""
CREATE = """mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id } errors { code field message } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { organisation { id } errors { code message } } }"""
MATCH = """query($text: String!) { suggestPartners(text: $text, first: 10) {
  items { organisation { id name } score explanation } } }"""
PAGE = """query($after: String) { organisations(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id name sectors } } } }"""


class RequestFailed(Exception):
    """A request answered with an error (status, GraphQL error or payload error)."""


@dataclass
class Operation:
    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class User:
    number: int
    client: httpx.AsyncClient
    created: dict[str, str] = field(default_factory=dict)  # id -> name
    updated: dict[str, str] = field(default_factory=dict)  # id -> last acknowledged sector
    writes: int = 0


@dataclass
class Report:
    users: int
    seconds: float
    operations: dict[str, dict[str, Any]]
    requests: int
    errors: int
    throughput: float
    acknowledged_creates: int
    acknowledged_updates: int
    lost: list[str]
    duplicated: list[str]
    stale: list[str]

    def lines(self) -> list[str]:
        head = f"{'operation':<8} {'requests':>8} {'errors':>6}"
        rows = [f"{head} {'p50':>10} {'p95':>10} {'p99':>10}"]
        for name, figures in self.operations.items():
            rows.append(
                f"{name:<8} {figures['requests']:>8} {figures['errors']:>6} "
                f"{ms(figures['p50']):>10} {ms(figures['p95']):>10} {ms(figures['p99']):>10}"
            )
        return rows

    @property
    def summary(self) -> str:
        return (
            f"{self.users} users, {self.seconds:.1f} s: {self.requests} requests, "
            f"{self.throughput:.1f} requests/s, {self.errors} errors; writes acknowledged: "
            f"{self.acknowledged_creates} creates, {self.acknowledged_updates} updates; "
            f"lost {len(self.lost)}, duplicated {len(self.duplicated)}, "
            f"stale updates {len(self.stale)}"
        )


async def gql(client: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    if response.status_code != 200:
        raise RequestFailed(f"HTTP {response.status_code}: {response.text[:200]}")
    body = response.json()
    if body.get("errors"):
        raise RequestFailed(f"GraphQL errors: {str(body['errors'])[:200]}")
    data: dict[str, Any] = body["data"]
    for payload in data.values():
        if isinstance(payload, dict) and payload.get("errors"):
            raise RequestFailed(f"payload errors: {str(payload['errors'])[:200]}")
    return data


# -- accounts ----------------------------------------------------------------------------


def _verification_token(outbox: Path, address: str) -> str | None:
    for path in outbox.glob("*.eml"):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        if message["To"] != address:
            continue
        body = message.get_body(("plain",))
        found = re.search(r"verify-email\?token=([^\s]+)", body.get_content() if body else "")
        if found:
            return found.group(1)
    return None


async def sign_up(url: str, outbox: Path, number: int, timeout: float) -> User:
    """A verified account through the public accounts API, holding an API token."""
    address = f"{PREFIX}-user-{number}@bench.test"
    client = httpx.AsyncClient(base_url=url, headers=GQL_HEADERS, timeout=timeout)
    await gql(client, SIGN_UP, input={"email": address, "password": PASSWORD, "name": address})
    token = None
    deadline = time.monotonic() + 30
    while token is None and time.monotonic() < deadline:
        token = await asyncio.to_thread(_verification_token, outbox, address)
        if token is None:
            await asyncio.sleep(0.1)
    if token is None:
        raise RuntimeError(f"no verification e-mail for {address} in {outbox}")
    await gql(client, VERIFY, token=token)
    signed = await client.post(
        "/graphql", json={"query": SIGN_IN, "variables": {"email": address, "password": PASSWORD}}
    )
    # Secure cookies: a client on plain http does not send them back by itself.
    session, csrf = signed.cookies["hub_session"], signed.cookies["hub_csrf"]
    client.cookies.clear()
    made = await client.post(
        "/graphql",
        json={"query": CREATE_TOKEN},
        headers={"Cookie": f"hub_session={session}; hub_csrf={csrf}", "X-CSRF-Token": csrf},
    )
    secret = made.json()["data"]["createApiToken"]["secret"]
    client.headers["Authorization"] = f"Bearer {secret}"
    return User(number, client)


# -- the workload ------------------------------------------------------------------------


async def _list(user: User, rng: random.Random, ids: list[str]) -> None:
    await gql(user.client, LIST)


async def _search(user: User, rng: random.Random, ids: list[str]) -> None:
    await gql(user.client, SEARCH, text=rng.choice(SEARCH_WORDS))


async def _node(user: User, rng: random.Random, ids: list[str]) -> None:
    data = await gql(user.client, NODE, id=rng.choice(ids))
    if data["node"] is None:
        raise RequestFailed("a stored organisation was not found")


async def _create(user: User, rng: random.Random, ids: list[str]) -> None:
    user.writes += 1
    name = f"{PREFIX}-{user.number}-{user.writes}"
    data = await gql(user.client, CREATE, input={"name": name, "kind": "STARTUP"})
    user.created[str(data["createOrganisation"]["organisation"]["id"])] = name


async def _update(user: User, rng: random.Random, ids: list[str]) -> None:
    if not user.created:
        return await _create(user, rng, ids)
    node = rng.choice(sorted(user.created))
    user.writes += 1
    sector = f"sector-{user.number}-{user.writes}"
    await gql(user.client, UPDATE, id=node, input={"sectors": [sector]})
    user.updated[node] = sector
    return None


async def _match(user: User, rng: random.Random, ids: list[str]) -> None:
    await gql(user.client, MATCH, text=rng.choice(MATCH_TEXTS))


STEPS: dict[str, Callable[[User, random.Random, list[str]], Awaitable[None]]] = {
    "list": _list,
    "search": _search,
    "node": _node,
    "create": _create,
    "update": _update,
    "match": _match,
}


async def simulate(
    user: User, ids: list[str], until: float, budget: list[int], results: dict[str, Operation]
) -> None:
    """One user: a request after another until the time or the shared request budget ends."""
    rng = random.Random(user.number)
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    while time.monotonic() < until and budget[0] > 0:
        budget[0] -= 1
        name = rng.choices(names, weights)[0]
        started = time.perf_counter()
        try:
            await STEPS[name](user, rng, ids)
        except (RequestFailed, httpx.HTTPError, ValueError, KeyError) as exc:
            results[name].errors.append(f"{type(exc).__name__}: {exc}")
        else:
            results[name].seconds.append(time.perf_counter() - started)


async def every_organisation(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await gql(client, PAGE, after=after))["organisations"]
        found += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


async def load(url: str, outbox: Path, users: int, seconds: float, requests: int) -> Report:
    timeout = 120.0
    say(f"signing up {users} users through the accounts API")
    crowd = [await sign_up(url, outbox, number, timeout) for number in range(users)]
    try:
        stored = await every_organisation(crowd[0].client)
        ids = [node["id"] for node in stored]
        results = {name: Operation() for name in WEIGHTS}
        budget = [requests]
        say(f"{users} users for {seconds:.0f} s (at most {requests} requests)")
        started = time.monotonic()
        await asyncio.gather(
            *(simulate(user, ids, started + seconds, budget, results) for user in crowd)
        )
        elapsed = time.monotonic() - started
        say("checking every acknowledged write through the API")
        after = await every_organisation(crowd[0].client)
    finally:
        for user in crowd:
            await user.client.aclose()
    return _report(crowd, results, elapsed, after)


def _report(
    crowd: list[User], results: dict[str, Operation], elapsed: float, after: list[dict[str, Any]]
) -> Report:
    by_name: dict[str, list[dict[str, Any]]] = {}
    for node in after:
        by_name.setdefault(node["name"], []).append(node)
    lost, duplicated, stale = [], [], []
    for user in crowd:
        for node_id, name in user.created.items():
            copies = by_name.get(name, [])
            if not any(copy["id"] == node_id for copy in copies):
                lost.append(name)
            if len(copies) > 1:
                duplicated.append(name)
        for node_id, sector in user.updated.items():
            name = user.created[node_id]
            if [copy["sectors"] for copy in by_name.get(name, [])] != [[sector]]:
                stale.append(name)
    operations = {
        name: {
            "requests": len(op.seconds) + len(op.errors),
            "errors": len(op.errors),
            "p50": quantile(op.seconds, 0.50),
            "p95": quantile(op.seconds, 0.95),
            "p99": quantile(op.seconds, 0.99),
            "first_errors": op.errors[:3],
        }
        for name, op in results.items()
    }
    done = sum(len(op.seconds) for op in results.values())
    return Report(
        users=len(crowd),
        seconds=elapsed,
        operations=operations,
        requests=sum(len(op.seconds) + len(op.errors) for op in results.values()),
        errors=sum(len(op.errors) for op in results.values()),
        throughput=done / elapsed if elapsed else 0.0,
        acknowledged_creates=sum(len(user.created) for user in crowd),
        acknowledged_updates=sum(len(user.updated) for user in crowd),
        lost=lost,
        duplicated=duplicated,
        stale=stale,
    )


def run(
    users: int = 8, seconds: float = 30.0, requests: int = 10**9, *, embed: bool = True
) -> Report:
    """Seed a fresh hub, serve it, load it, check it; the server is always stopped.

    `embed=False` skips `hub reembed` (minutes on a loaded machine): matches then rank by
    shared words and graph evidence only, the query text is still encoded.
    """
    with data_dir("hubload") as folder:
        env = hub_env(folder)
        run_hub(["seed"], env)
        if embed:
            run_hub(["reembed"], env)
        with Served(env) as served:
            return asyncio.run(load(served.url, folder / "outbox", users, seconds, requests))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--requests", type=int, default=10**9, help="Stop after this many.")
    parser.add_argument("--json", type=Path, help="Also write the report as JSON here.")
    parser.add_argument(
        "--no-embed", action="store_true", help="Skip `hub reembed` (matches without vectors)."
    )
    args = parser.parse_args()
    report = run(args.users, args.seconds, args.requests, embed=not args.no_embed)
    print("\n".join(report.lines()))
    for name, figures in report.operations.items():
        for error in figures["first_errors"]:
            print(f"  {name} error: {error}")
    print(f"{report.summary}; {load_note()}")
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2, default=str))
    if report.errors or report.lost or report.duplicated or report.stale:
        sys.exit(1)


if __name__ == "__main__":
    main()
