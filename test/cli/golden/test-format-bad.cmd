test test/cli/golden/files/tested.rules --format xml
