# Bundle verify: a bundle of 8 documents, 1 GiB (quick: 32 MiB), against `tar -xf` + `bagit.py --validate` and
# against `openssl dgst -sha256` of the tar; a bundle of one 2 GiB document (quick: 64 MiB) against openssl; and,
# for the chart, 8 documents in 100 MiB, 1 GiB and 4 GiB (quick: 8 and 32 MiB).
bench_bundle_verify() {
    local failed=0 sizes main single
    if [ "$quick" = 1 ]; then sizes="8 32" main=32 single=64; else sizes="100 1024 4096" main=1024 single=2048; fi
    for total in $sizes; do
        bench_bundle_home "$work/verify-home" 8 $((total / 8))
        "$evident" bundle create --home "$work/verify-home" --all --key "$work/key" --out "$work/verify.tar" \
            --seal-time 2026-06-30T12:00:00Z >/dev/null 2>&1
        bench_remove "$work/verify-home" "$work/verify-home.docs"
        samples_reset
        for run in $(seq "$runs"); do
            sample evident "$evident" bundle verify "$work/verify.tar" --allowed-signers "$work/allowed_signers"
            sample openssl openssl dgst -sha256 "$work/verify.tar"
            if [ "$total" = "$main" ]; then
                mkdir "$work/verify-out"
                sample bagit bash -c 'tar -xf "$1" -C "$0" && bagit.py --quiet --validate "$0"/EB-*' \
                    "$work/verify-out" "$work/verify.tar"
                bench_remove "$work/verify-out"
            fi
        done
        if [ "$total" = "$main" ]; then
            compare bundle-verify evident bagit 'tar -xf + bagit.py --validate' 0.25 64 size_mib="$total" \
                documents=8 || failed=1
            compare bundle-verify evident openssl 'openssl dgst -sha256 of the tar' 0.625 64 size_mib="$total" \
                documents=8 || failed=1
        fi
        compare bundle-verify-scale evident openssl 'openssl dgst -sha256 of the tar' '' 64 series=verify \
            size="$total" unit=MiB || failed=1
        rm -f "$work/verify.tar"
    done
    samples_reset
    bench_bundle_home "$work/verify-home" 1 "$single"
    "$evident" bundle create --home "$work/verify-home" --all --key "$work/key" --out "$work/verify.tar" \
        --seal-time 2026-06-30T12:00:00Z >/dev/null 2>&1
    bench_remove "$work/verify-home" "$work/verify-home.docs"
    for run in $(seq "$runs"); do
        sample evident "$evident" bundle verify "$work/verify.tar" --allowed-signers "$work/allowed_signers"
        sample openssl openssl dgst -sha256 "$work/verify.tar"
    done
    compare bundle-verify-single evident openssl 'openssl dgst -sha256 of the tar' 1.0 64 size_mib="$single" \
        documents=1 || failed=1
    rm -f "$work/verify.tar"
    return "$failed"
}
