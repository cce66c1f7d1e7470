"""HTTP: blueprints, pages, identity, security headers, payloads, error answers, limits."""
