test test/cli/golden/files/tested.rules --grep ^follow|raise$
