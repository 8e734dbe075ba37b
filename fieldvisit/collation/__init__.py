"""The organisers' collation store: reading many returns, dedup rules, and the report."""
