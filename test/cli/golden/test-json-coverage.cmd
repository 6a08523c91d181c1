test test/cli/golden/files/tested.rules --format json --coverage
