# Import: a 10,000-row contract list with 1,000 distinct small documents into a new home (under 5 s), then the
# same list again (under 2 s, nothing changes); peak memory under 100 MiB. Quick: 1,000 rows, 100 documents.
bench_import() {
    local rows=10000 documents=1000 failed=0 data="$work/contracts"
    [ "$quick" = 0 ] || rows=1000 documents=100
    python3 scripts/bench-data/generate-contracts.py "$data" --rows "$rows" --documents "$documents" --authorities 10
    for run in $(seq "$runs"); do
        local home="$work/import-home"
        "$evident" init --home "$home" >/dev/null
        while read -r word number cvr; do
            "$evident" authority add --home "$home" --name "$word $number" --cvr "$cvr" --kind state >/dev/null
        done <"$data/authorities.txt"
        sync
        sample first "$evident" import "$data/contracts.csv" --home "$home"
        sample again "$evident" import "$data/contracts.csv" --home "$home"
        "$evident" import "$data/contracts.csv" --home "$home" | grep -q ": 0 added, 0 changed, $rows unchanged" || {
            echo "import: the repeated import changed something" >&2
            failed=1
        }
        bench_remove "$home"
    done
    alone import first 5 100 rows="$rows" documents="$documents" || failed=1
    alone import-again again 2 100 rows="$rows" documents="$documents" || failed=1
    bench_remove "$data"
    return "$failed"
}
