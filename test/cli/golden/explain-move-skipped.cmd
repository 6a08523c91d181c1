explain examples/bitrix-triggers --events examples/bitrix-triggers/events.jsonl --entity deal/D1
