test test/cli/golden/files/tested.rules --coverage
