run test/golden/commands/files/deals.rules --events test/golden/commands/files/no-such-events.jsonl
