# Status: `status --json` on 2,000 solutions, 50,000 usages and 100,000 pieces of evidence (quick: a tenth), under
# 0.4 s; and, for the chart, 5,000, 50,000 and 500,000 usages (quick: 500 and 5,000), with solutions and
# evidence, vendors and services in the same proportion (so each usage has as much evidence to weigh at every size).
bench_status() {
    local failed=0 sizes main verdicts
    if [ "$quick" = 1 ]; then sizes="500 5000" main=5000; else sizes="5000 50000 500000" main=50000; fi
    for usages in $sizes; do
        local home="$work/status-home-$usages"
        "$evident" init --home "$home" >/dev/null
        python3 scripts/bench-data/generate-registry.py "$home" --solutions $((usages / 25)) --usages "$usages" \
            --evidence $((usages * 2)) --vendors $((usages / 250 > 10 ? usages / 250 : 10)) \
            --services $((usages / 50 > 20 ? usages / 50 : 20)) >&2
        "$evident" status --home "$home" --as-of 2026-11-30 --json >/dev/null # warm the page cache
        samples_reset
        for run in $(seq "$((runs * 3))"); do
            sample evident "$evident" status --home "$home" --as-of 2026-11-30 --json
        done
        verdicts=$("$evident" status --home "$home" --as-of 2026-11-30 --json |
            python3 -c 'import json,sys; print(len(json.load(sys.stdin)["verdicts"]))')
        echo "status: $verdicts verdicts" >&2
        if [ "$usages" = "$main" ]; then
            alone status evident 0.4 '' verdicts="$verdicts" usages="$usages" solutions=$((usages / 25)) evidence=$((usages * 2)) ||
                failed=1
        fi
        alone status-scale evident '' '' series=status size="$usages" unit=usages || failed=1
        bench_remove "$home"
    done
    return "$failed"
}
