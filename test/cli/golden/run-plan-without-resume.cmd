run test/fixtures/deploy/head --plan --events test/fixtures/deploy/more.jsonl
