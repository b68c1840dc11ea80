"""The GraphQL surface: thin resolvers over the ecosystem services."""
