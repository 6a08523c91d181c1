run test/cli/golden/files/deals.rules --events test/cli/golden/files/merge/b-crm.jsonl --events test/cli/golden/files/merge/a-web.jsonl
