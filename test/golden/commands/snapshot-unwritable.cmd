run test/golden/commands/files/deals.rules --events test/golden/commands/files/events.jsonl --save-snapshot test/golden/commands/files/no-such-folder/state.json
