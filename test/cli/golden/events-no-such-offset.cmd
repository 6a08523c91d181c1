run test/cli/golden/files/deals.rules --events test/cli/golden/files/no-such-offset.jsonl
