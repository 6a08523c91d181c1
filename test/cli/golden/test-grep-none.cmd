test test/cli/golden/files/tested.rules --grep nothing-has-this-name
