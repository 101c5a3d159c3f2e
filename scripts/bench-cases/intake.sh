# shellcheck shell=bash
# intake: `evident intake add` of 200 signed bundles of about 10 MiB each (2 GiB in all) into a new home, against
# `openssl dgst -sha256` over the same 200 files. Target: intake no slower than openssl (ratio <= 1.0), using both
# cores. Under --quick: 20 bundles of about 1 MiB, figures only.
bench_intake() {
    local count=200 mib=10
    if [ "$quick" = 1 ]; then count=20 mib=1; fi
    local agency="$work/intake-agency" bundles="$work/intake-bundles"
    mkdir -p "$bundles"
    "$evident" init --home "$agency" >/dev/null
    "$evident" authority add --home "$agency" --name Skattestyrelsen --cvr 13748136 --kind state >/dev/null
    "$evident" solution add --home "$agency" --name TastSelv --kind self-service --channel web \
        --url https://www.skat.dk --audience citizens --mandatory --owner Skattestyrelsen:responsible >/dev/null
    "$evident" vendor add --home "$agency" --name Vendor --country DK >/dev/null
    "$evident" service add --home "$agency" --vendor Vendor --name Statistics --category statistics \
        --host stats.example.com >/dev/null
    "$evident" usage add --home "$agency" --solution TastSelv --service Statistics --since 2024-01-01 \
        --route agreement --vendor-own-purposes no >/dev/null
    # A few documents, together about $mib MiB.
    local part
    for part in 1 2 3 4; do
        printf '%%PDF-1.4\n' >"$work/agreement-$part.pdf"
        head -c $((mib * 1024 * 1024 / 4)) /dev/urandom >>"$work/agreement-$part.pdf"
    done
    "$evident" evidence add "$work"/agreement-*.pdf --home "$agency" --kind data-processing-agreement \
        --title "Data processing agreement" --covers USE-1 --party AUT-1 --signed 2025-01-01 >/dev/null
    "$evident" key new --out "$work/intake-key" --identity ops@skat.dk >/dev/null
    printf 'ops@skat.dk,cvr:13748136 %s\n' "$(cut -d' ' -f1,2 "$work/intake-key.pub")" >"$work/intake-signers"
    local i
    for i in $(seq "$count"); do
        # A seal time per bundle, so that each is a different file.
        "$evident" bundle create --home "$agency" --all --as-of 2026-06-01 --key "$work/intake-key" \
            --seal-time "$(date -u -d "@$((1782820800 + i))" +%Y-%m-%dT%H:%M:%SZ)" \
            --out "$bundles/EB-$i.tar" >/dev/null 2>&1
    done
    local total
    total=$(du -cb "$bundles"/*.tar | tail -1 | cut -f1)

    local evident_runs=() reference_runs=() peaks=() run s kib
    for run in $(seq "$runs"); do
        local home="$work/intake-home-$run"
        "$evident" init --home "$home" >/dev/null
        read -r s kib < <(measure "$evident" intake add --home "$home" --allowed-signers "$work/intake-signers" \
            "$bundles"/*.tar)
        evident_runs+=("$s"); peaks+=("$kib")
        echo "intake: run $run: evident intake add $s s, peak $((kib / 1024)) MiB"
        chmod -R u+w "$home"; rm -rf "$home"
        read -r s kib < <(measure openssl dgst -sha256 "$bundles"/*.tar)
        reference_runs+=("$s")
        echo "intake: run $run: openssl dgst -sha256 $s s"
    done
    local evident_s reference_s ratio peak met=null
    evident_s=$(printf '%s\n' "${evident_runs[@]}" | median)
    reference_s=$(printf '%s\n' "${reference_runs[@]}" | median)
    ratio=$(echo "$evident_s / $reference_s" | bc -l)
    peak=$(( $(printf '%s\n' "${peaks[@]}" | sort -n | tail -1) / 1024 ))
    if [ "$quick" != 1 ]; then
        met=$(echo "$ratio <= 1.0" | bc -l | sed 's/1/true/;s/0/false/')
    fi
    printf 'intake: %s bundles, %s bytes: median %.2f s against openssl %.2f s, ratio %.2f, peak %s MiB\n' \
        "$count" "$total" "$evident_s" "$reference_s" "$ratio" "$peak"
    bench_record intake evident_s="$evident_s" reference="openssl dgst -sha256 (same $count files)" \
        reference_s="$reference_s" ratio="$ratio" peak_mib="$peak" target="ratio <= 1.0" met="$met"
    [ "$met" != false ]
}
