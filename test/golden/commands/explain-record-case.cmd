explain test/golden/commands/files/deals.rules --events test/golden/commands/files/events.jsonl --entity deal/d2
