# Scanning a large HAR: about 100 MiB of captures with response bodies (5 MiB under --quick), against the
# sample registry's shape. Target: peak RSS under twice the file size (bodies are skipped, so far lower), and
# reported beside Python's json.load of the same file (a reader that holds the whole document).
bench_scan() {
    local mib=100
    [ "${quick:-0}" = 1 ] && mib=5
    local har="$work/scan-capture.har" home="$work/scan-home"
    python3 scripts/bench-data/generate-har.py "$har" "$mib" 2>/dev/null
    local bytes
    bytes=$(stat -c %s "$har")
    "$evident" init --home "$home" >/dev/null
    "$evident" authority add --home "$home" --name Skattestyrelsen --cvr 13748136 --kind state >/dev/null
    "$evident" solution add --home "$home" --name TastSelv --kind self-service --channel web \
        --url https://www.skat.dk/tastselv --audience citizens --mandatory --owner Skattestyrelsen >/dev/null
    "$evident" catalog add --home "$home" "Google Analytics" "Google Fonts" "Siteimprove Analytics" \
        "Cookie Information" Vimeo >/dev/null
    local run
    for run in $(seq "$runs"); do
        sample evident "$evident" scan "$har" --home "$home" --solution TastSelv --json
        sample python python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$har"
    done
    # Peak memory under twice the file size, in MiB.
    compare scan evident python "python3 json.load of the HAR" '' "$((bytes * 2 / 1048576))" \
        size_mib="$((bytes / 1048576))"
}
