check test/cli/golden/files/deals.rules --formt json
