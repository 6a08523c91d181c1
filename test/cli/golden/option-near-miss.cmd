run test/cli/golden/files/deals.rules --event test/cli/golden/files/events.jsonl
