run test/fixtures/deploy/head --resume test/fixtures/deploy/base.snapshot.json --plan --events test/fixtures/deploy/more.jsonl
