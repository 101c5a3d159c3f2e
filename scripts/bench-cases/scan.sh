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
    local reference="python3 -c 'import json,sys; json.load(open(sys.argv[1]))' HAR"
    local seconds=() peaks=() ref_seconds=()
    for _ in $(seq "$runs"); do
        read -r s kib < <(measure "$evident" scan "$har" --home "$home" --solution TastSelv --json)
        seconds+=("$s"); peaks+=("$kib")
        read -r s _ < <(measure python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$har")
        ref_seconds+=("$s")
    done
    local s_median ref_median kib_max peak_mib file_mib ratio met
    s_median=$(printf '%s\n' "${seconds[@]}" | median)
    ref_median=$(printf '%s\n' "${ref_seconds[@]}" | median)
    kib_max=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
    peak_mib=$(echo "scale=1; $kib_max / 1024" | bc -l)
    file_mib=$(echo "scale=1; $bytes / 1048576" | bc -l)
    ratio=$(printf "%.2f" "$(echo "$s_median / $ref_median" | bc -l)")
    met=true
    [ "$((kib_max * 1024))" -lt "$((bytes * 2))" ] || met=false
    printf 'scan: %s MiB HAR, %s runs, median %.2f s (json.load %.2f s, ratio %.2f), peak RSS max %s MiB (target < %s MiB)\n' \
        "$file_mib" "$runs" "$s_median" "$ref_median" "$ratio" "$peak_mib" "$(echo "scale=1; 2 * $file_mib" | bc -l)"
    if [ "${quick:-0}" = 1 ]; then met=null; fi
    bench_record scan evident_s="$s_median" reference="$reference" reference_s="$ref_median" ratio="$ratio" \
        peak_mib="$peak_mib" target="peak RSS < 2 x file size" met="$met"
    [ "${quick:-0}" = 1 ] || [ "$met" = true ] || { echo "scan: peak memory over twice the file size" >&2; return 1; }
}
