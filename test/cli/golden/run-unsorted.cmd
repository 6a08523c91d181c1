run test/cli/golden/files/deals.rules --events test/cli/golden/files/unsorted.jsonl
