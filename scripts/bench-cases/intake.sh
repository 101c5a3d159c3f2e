# shellcheck shell=bash
# intake: `evident intake add` of 200 signed bundles of 10.3 MiB each (2 GiB in all, no document in two of them)
# into a new home, against `openssl dgst -sha256` over the same 200 files, and against `cp` + `sync` of them (the
# least keeping them durably costs). Target: intake no slower than openssl (ratio <= 1.0), using both cores.
# Under --quick: 20 bundles of about 1 MiB, figures only.
source scripts/lib/agency.sh

bench_intake() {
    local count=200 kib=10560
    if [ "$quick" = 1 ]; then count=20 kib=1024; fi
    local template="$work/intake-agency" bundles="$work/intake-bundles"
    mkdir -p "$bundles"
    agency_home "$evident" "$template"
    agency_key "$evident" "$work/intake-key" "$work/intake-signers"
    local i
    for i in $(seq "$count"); do
        # Every bundle its own agency's copy of the registry and its own documents, together $kib KiB, as
        # the bundles of different authorities are: no document is stored twice.
        cp -a "$template" "$work/intake-agency-$i"
        agency_agreement "$evident" "$work/intake-agency-$i" "$work" "$kib"
        "$evident" bundle create --home "$work/intake-agency-$i" --all --as-of 2026-06-01 --key "$work/intake-key" \
            --seal-time 2026-06-30T12:00:00Z --out "$bundles/EB-$i.tar" >/dev/null 2>&1
    done
    local total
    total=$(du -cb "$bundles"/*.tar | tail -1 | cut -f1)

    echo "intake: $count bundles, $total bytes" >&2
    # Nothing is deleted until the runs are over: ext4 skips the inodes of files deleted in the last seconds when it
    # creates files, one lookup each, which would charge whoever creates the most files for the clean-up.
    local run
    for run in $(seq "$runs"); do
        "$evident" init --home "$work/intake-home-$run" >/dev/null
        sync
        # Exit 0: every bundle is trusted, valid, and recorded.
        sample evident "$evident" intake add --home "$work/intake-home-$run" --allowed-signers "$work/intake-signers" \
            "$bundles"/*.tar
        sample openssl openssl dgst -sha256 "$bundles"/*.tar
        # What keeping the bundles durably costs at the least, hashing nothing.
        mkdir "$work/intake-copy-$run"
        sync
        sample cp bash -c 'cp "$@" "$0" && sync' "$work/intake-copy-$run" "$bundles"/*.tar
    done
    local failed=0
    compare intake evident openssl 'openssl dgst -sha256 (same files)' 1.0 64 bundles="$count" bytes="$total" ||
        failed=1
    compare intake evident cp 'cp + sync (same files)' '' '' bundles="$count" bytes="$total" || failed=1
    bench_remove "$bundles" "$work"/intake-home-* "$work"/intake-copy-* "$work"/intake-agency*
    return "$failed"
}
