"""Limits on what one GraphQL operation may ask for: depth, cost, tokens, introspection.

- Depth counts every field, introspection fields included, so that
  `__type { fields { type { fields ... } } }` is limited like any other nesting. The one
  exception is `ofType`: a chain of `ofType` (the NON_NULL/LIST wrappers of a type
  reference, bounded by the schema) counts as one level, so GraphiQL's own introspection
  query (depth 6 that way) passes a limit of 10.
- Cost is the number of fields a response may hold: each field costs 1 plus its selections
  times its page size (`first`, or `limit`, from the literal or variable, else the
  argument's default), so `organisations(first: 100) { edges { node { ... } } }` costs
  about 100 times its node's selection. It is measured after GraphQL's own validation (cached
  per document), with each request's variables.
- Tokens: graphql-core stops parsing after `max_tokens` tokens (Strawberry's
  MaxTokensLimiter); the endpoint refuses longer query texts before parsing.
- Introspection can be switched off (`HUB_INTROSPECTION=false`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    print_ast,
    validate,
)
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef
from graphql.validation import ASTValidationRule
from strawberry.extensions import (
    DisableIntrospection,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
)

PAGE_ARGUMENTS = ("first", "limit")
CACHED_DOCUMENTS = 256
"""Parsed and validated documents kept (least recently used first out)."""
UNWRAPPING_FIELD = "ofType"


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int = 10
    max_cost: int = 20_000
    max_tokens: int = 5_000
    introspection: bool = True


@dataclass
class _Measure:
    depth: int
    cost: int


class _Walker:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType | None,
        seen: frozenset[str],
        parent_field: str | None,
    ) -> _Measure:
        if selection_set is None:
            return _Measure(0, 0)
        depth, cost = 0, 0
        for field, owner in self._fields(selection_set, parent, seen):
            measure = self.field(field, owner, seen)
            step = 0 if field.name.value == UNWRAPPING_FIELD == parent_field else 1
            depth = max(depth, measure.depth + step)
            cost += measure.cost
        return _Measure(depth, cost)

    def _fields(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType | None,
        seen: frozenset[str],
    ) -> Iterator[tuple[FieldNode, GraphQLNamedType | None]]:
        """The fields of a selection set, fragments spread in (each once per path)."""
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                owner = self.schema.get_type(condition.name.value) if condition else parent
                yield from self._fields(selection.selection_set, owner, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue  # unknown or cyclic: other rules report it
                owner = self.schema.get_type(fragment.type_condition.name.value)
                yield from self._fields(fragment.selection_set, owner, seen | {name})

    def field(
        self, node: FieldNode, parent: GraphQLNamedType | None, seen: frozenset[str]
    ) -> _Measure:
        name = node.name.value
        definition: Any = None
        if name == "__schema":
            definition = SchemaMetaFieldDef
        elif name == "__type":
            definition = TypeMetaFieldDef
        elif isinstance(parent, GraphQLObjectType) or hasattr(parent, "fields"):
            definition = getattr(parent, "fields", {}).get(name)
        child_type = get_named_type(definition.type) if definition is not None else None
        inner = self.selections(node.selection_set, child_type, seen, name)
        if node.selection_set is None:
            return _Measure(0, 1)
        return _Measure(inner.depth, 1 + self._page_size(node, definition) * inner.cost)

    def _page_size(self, node: FieldNode, definition: Any) -> int:
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
        for name in PAGE_ARGUMENTS:
            value = given.get(name)
            if isinstance(value, IntValueNode):
                return max(1, int(value.value))
            if isinstance(value, VariableNode):
                found = self.variables.get(value.name.value)
                if isinstance(found, int):
                    return max(1, found)
            argument = definition.args.get(name) if definition is not None else None
            if argument is not None and isinstance(argument.default_value, int):
                return max(1, argument.default_value)
        return 1


def limit_errors(
    limits: QueryLimits,
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any],
) -> list[GraphQLError]:
    """Depth and cost errors of each operation of a (valid) document, with these variables."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    walker = _Walker(schema, fragments, variables)
    errors = []
    for node in document.definitions:
        if not isinstance(node, OperationDefinitionNode):
            continue
        root = schema.get_root_type(node.operation)
        measure = walker.selections(node.selection_set, root, frozenset(), None)
        name = node.name.value if node.name else "the operation"
        if measure.depth > limits.max_depth:
            errors.append(
                GraphQLError(
                    f"{name} is nested {measure.depth} levels deep; at most "
                    f"{limits.max_depth} are allowed",
                    node,
                    extensions={"limit": "depth"},
                )
            )
        if measure.cost > limits.max_cost:
            errors.append(
                GraphQLError(
                    f"{name} may return {measure.cost} fields; at most {limits.max_cost} "
                    "are allowed (ask for smaller pages or fewer fields)",
                    node,
                    extensions={"limit": "cost"},
                )
            )
    return errors


@dataclass(frozen=True)
class _Document:
    """A parsed document known by its text: hashing the parsed tree itself walked every node
    of it (graphql-core hashes nodes by value), for each request."""

    text: str
    parsed: DocumentNode = dataclasses.field(compare=False, hash=False)


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _validated(
    schema: GraphQLSchema, document: _Document, rules: tuple[type[ASTValidationRule], ...]
) -> tuple[GraphQLError, ...]:
    """GraphQL's own validation, once per document: clients send the same few queries."""
    return tuple(validate(schema, document.parsed, rules))


class _Validation(SchemaExtension):
    """GraphQL's validation (cached per document), then depth and cost with this operation's
    variables: validating every request cost more than answering many of them."""

    def __init__(self, limits: QueryLimits) -> None:
        self.limits = limits

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            schema = context.schema._schema
            text = context.query if context.query is not None else print_ast(document)
            rules = tuple(context.validation_rules)
            errors = list(_validated(schema, _Document(text, document), rules))
            context.pre_execution_errors = errors or limit_errors(
                self.limits, schema, document, context.variables or {}
            )
        yield


def limit_extensions(limits: QueryLimits) -> list[Callable[[], SchemaExtension]]:
    """Factories (a fresh extension per operation, as Strawberry asks)."""
    extensions: list[Callable[[], SchemaExtension]] = [
        partial(MaxTokensLimiter, max_token_count=limits.max_tokens),
        partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        partial(_Validation, limits),
    ]
    if not limits.introspection:
        extensions.append(DisableIntrospection)
    return extensions
