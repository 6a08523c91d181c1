deploy test/fixtures/deploy/head --to 127.0.0.1:8080
