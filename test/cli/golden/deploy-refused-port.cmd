deploy test/fixtures/deploy/head --to http://127.0.0.1:6000
