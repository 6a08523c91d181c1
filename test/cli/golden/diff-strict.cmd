diff test/cli/golden/files/deals.rules test/cli/golden/files/deals.rules --events test/cli/golden/files/strict-never-created.jsonl --strict
