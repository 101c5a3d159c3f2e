# Bundle create: 1 GiB (quick: 32 MiB) in 8 documents, against `cp` + `sync` of the documents, and against
# `sha256sum` of them into a manifest, `tar -cf` and `sync`.
bench_bundle_create() {
    local mib=$([ "$quick" = 1 ] && echo 4 || echo 128) failed=0 home="$work/create-home"
    bench_bundle_home "$home" 8 "$mib"
    for run in $(seq "$runs"); do
        sync
        sample evident "$evident" bundle create --home "$home" --all --key "$work/key" --out "$work/create.tar" \
            --seal-time 2026-06-30T12:00:00Z
        rm -f "$work/create.tar"
        mkdir "$work/create-copy"
        sync
        sample cp bash -c 'cp "$@" "$0" && sync' "$work/create-copy" "$home.docs"/part-*.bin
        bench_remove "$work/create-copy"
        sync
        sample tar bash -c 'cd "$0" && sha256sum part-*.bin >manifest-sha256.txt && tar -cf "$1" . && sync' \
            "$home.docs" "$work/create-ref.tar"
        rm -f "$work/create-ref.tar" "$home.docs/manifest-sha256.txt"
    done
    compare bundle-create evident cp 'cp + sync of the documents' 1.2 64 size_mib=$((8 * mib)) || failed=1
    compare bundle-create evident tar 'sha256sum + tar -cf + sync' '' '' size_mib=$((8 * mib)) || failed=1
    bench_remove "$home" "$home.docs"
    return "$failed"
}
