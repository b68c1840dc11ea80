"""The Thessaloniki innovation hub: GraphQL service, CLI, worker and the ecosystem domain."""
