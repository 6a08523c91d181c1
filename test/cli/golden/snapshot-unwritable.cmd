run test/cli/golden/files/deals.rules --events test/cli/golden/files/events.jsonl --save-snapshot test/cli/golden/files/no-such-folder/state.json
