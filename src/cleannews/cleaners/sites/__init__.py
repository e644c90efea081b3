"""Site cleaners: one module a site, each with fixtures in fixtures/<site>/."""
