//! Timsort as CPython 3.11 runs it (the algorithm of Tim Peters described in
//! CPython's `Objects/listsort.txt`, with the "powersort" merge policy of
//! 3.11). Which pairs are compared, in which order, and what the array holds
//! when a comparison fails are observable from Python (a recording `__lt__`,
//! the list after an exception), so every step here follows that algorithm:
//! run detection with strictly descending runs reversed, minrun, binary
//! insertion to extend short runs, powersort's run powers, galloping with an
//! adaptive threshold, and merges that leave every element in the array when
//! they stop early.
//!
//! The sort works on any `Copy` element (indices into the keys, or machine
//! keys) with a fallible "less than".

/// Galloping starts after this many consecutive wins, adapted per merge.
const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    /// The node power of the boundary between this run and the next one.
    power: u32,
}

struct Sorter<'a, T, F> {
    v: &'a mut [T],
    lt: F,
    min_gallop: usize,
    runs: Vec<Run>,
    tmp: Vec<T>,
}

/// Sort `v` stably by `lt`. On `Err` the sort stops at once; `v` then holds
/// a permutation of its elements (the state timsort leaves).
pub fn timsort<T: Copy, E, F: FnMut(T, T) -> Result<bool, E>>(v: &mut [T], lt: F) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut s = Sorter { v, lt, min_gallop: MIN_GALLOP, runs: Vec::new(), tmp: Vec::new() };
    let minrun = min_run(n);
    let mut lo = 0;
    while lo < n {
        let remaining = n - lo;
        let (mut len, descending) = s.count_run(lo, n)?;
        if descending {
            s.v[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = remaining.min(minrun);
            s.binary_insertion(lo, lo + force, lo + len)?;
            len = force;
        }
        s.found_new_run(len, n)?;
        s.runs.push(Run { base: lo, len, power: 0 });
        lo += len;
    }
    s.force_collapse()
}

/// The run length below which short runs are extended: n itself below 64,
/// else a value in 32..=64 such that n/minrun is a power of two or just
/// below one.
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Powersort's node power of the boundary between the runs
/// [s1, s1+n1) and [s1+n1, s1+n1+n2) in an array of n: the first bit in
/// which the binary fractions of the two runs' midpoints (over n) differ.
fn node_power(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    // Doubled midpoints, to stay in integers.
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    let mut power = 0;
    loop {
        power += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            return power;
        }
        a <<= 1;
        b <<= 1;
    }
}

/// Index in `a` (sorted) where `key` goes before any equal elements,
/// searching outwards from `hint` with growing steps, then binary.
fn gallop_left<T: Copy, E>(lt: &mut impl FnMut(T, T) -> Result<bool, E>, key: T, a: &[T], hint: usize) -> Result<usize, E> {
    let n = a.len();
    let (mut lo, mut hi);
    let mut last = 0;
    let mut ofs = 1;
    if lt(a[hint], key)? {
        let max = n - hint;
        while ofs < max {
            if lt(a[hint + ofs], key)? {
                last = ofs;
                ofs = 2 * ofs + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(max);
        lo = hint + last + 1;
        hi = hint + ofs;
    } else {
        let max = hint + 1;
        while ofs < max {
            if lt(a[hint - ofs], key)? {
                break;
            }
            last = ofs;
            ofs = 2 * ofs + 1;
        }
        ofs = ofs.min(max);
        lo = hint + 1 - ofs;
        hi = hint - last;
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(a[m], key)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// Index in `a` (sorted) where `key` goes after any equal elements.
fn gallop_right<T: Copy, E>(lt: &mut impl FnMut(T, T) -> Result<bool, E>, key: T, a: &[T], hint: usize) -> Result<usize, E> {
    let n = a.len();
    let (mut lo, mut hi);
    let mut last = 0;
    let mut ofs = 1;
    if lt(key, a[hint])? {
        let max = hint + 1;
        while ofs < max {
            if lt(key, a[hint - ofs])? {
                last = ofs;
                ofs = 2 * ofs + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(max);
        lo = hint + 1 - ofs;
        hi = hint - last;
    } else {
        let max = n - hint;
        while ofs < max {
            if lt(key, a[hint + ofs])? {
                break;
            }
            last = ofs;
            ofs = 2 * ofs + 1;
        }
        ofs = ofs.min(max);
        lo = hint + last + 1;
        hi = hint + ofs;
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(key, a[m])? {
            hi = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(hi)
}

/// How a merge ended: normally, or with one element of the run that was
/// copied out left over (it belongs at the far end).
enum MergeEnd<E> {
    Done,
    OneLeft,
    Failed(E),
}

impl<T: Copy, E, F: FnMut(T, T) -> Result<bool, E>> Sorter<'_, T, F> {
    /// Length of the run starting at `lo` (at most up to `hi`) and whether it
    /// is strictly descending.
    fn count_run(&mut self, lo: usize, hi: usize) -> Result<(usize, bool), E> {
        let v = &*self.v;
        let lt = &mut self.lt;
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut i = lo + 2;
        if lt(v[lo + 1], v[lo])? {
            while i < hi && lt(v[i], v[i - 1])? {
                i += 1;
            }
            Ok((i - lo, true))
        } else {
            while i < hi && !lt(v[i], v[i - 1])? {
                i += 1;
            }
            Ok((i - lo, false))
        }
    }

    /// Sort [lo, hi) given that [lo, start) is sorted, inserting each later
    /// element where a binary search puts it (after its equals).
    fn binary_insertion(&mut self, lo: usize, hi: usize, start: usize) -> Result<(), E> {
        let v = &mut *self.v;
        let lt = &mut self.lt;
        let mut start = if start == lo { start + 1 } else { start };
        while start < hi {
            let pivot = v[start];
            let (mut l, mut r) = (lo, start);
            loop {
                let p = l + ((r - l) >> 1);
                if lt(pivot, v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            v.copy_within(l..start, l + 1);
            v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// A run of `n2` is about to be pushed: merge the pending runs whose
    /// boundary is deeper in the powersort tree than the new boundary.
    fn found_new_run(&mut self, n2: usize, n: usize) -> Result<(), E> {
        if let Some(last) = self.runs.last() {
            let power = node_power(last.base, last.len, n2, n);
            while self.runs.len() > 1 && self.runs[self.runs.len() - 2].power > power {
                self.merge_at(self.runs.len() - 2)?;
            }
            self.runs.last_mut().unwrap().power = power;
        }
        Ok(())
    }

    fn force_collapse(&mut self) -> Result<(), E> {
        while self.runs.len() > 1 {
            let mut i = self.runs.len() - 2;
            if i > 0 && self.runs[i - 1].len < self.runs[i + 1].len {
                i -= 1;
            }
            self.merge_at(i)?;
        }
        Ok(())
    }

    /// Merge pending runs i and i+1.
    fn merge_at(&mut self, i: usize) -> Result<(), E> {
        let (mut a, mut na) = (self.runs[i].base, self.runs[i].len);
        let (b, nb) = (self.runs[i + 1].base, self.runs[i + 1].len);
        self.runs[i].len = na + nb;
        // Run i+2 (if any) slides down with its power.
        self.runs.remove(i + 1);
        // Elements of A before B's first element, and of B after A's last
        // element, are already in place.
        let k = gallop_right(&mut self.lt, self.v[b], &self.v[a..a + na], 0)?;
        a += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        let nb = gallop_left(&mut self.lt, self.v[a + na - 1], &self.v[b..b + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(a, na, nb)
        } else {
            self.merge_hi(a, na, nb)
        }
    }

    /// Merge A = v[base..base+na] and B (right after it), copying A out;
    /// fills from the left. Requires na <= nb.
    fn merge_lo(&mut self, base: usize, mut na: usize, mut nb: usize) -> Result<(), E> {
        let Sorter { v, lt, min_gallop: shared_min_gallop, tmp, .. } = self;
        let v = &mut **v;
        tmp.clear();
        tmp.extend_from_slice(&v[base..base + na]);
        // A's rest is tmp[pa..pa+na], B's rest v[pb..pb+nb] (ending where B
        // ends); the next output slot is pb - na.
        let mut pa = 0;
        let mut pb = base + na;
        v[pb - na] = v[pb];
        pb += 1;
        nb -= 1;
        let end = 'merge: {
            if nb == 0 {
                break 'merge MergeEnd::Done;
            }
            if na == 1 {
                break 'merge MergeEnd::OneLeft;
            }
            let mut min_gallop = *shared_min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                // One element at a time until a run wins min_gallop times.
                loop {
                    match lt(v[pb], tmp[pa]) {
                        Err(e) => break 'merge MergeEnd::Failed(e),
                        Ok(true) => {
                            v[pb - na] = v[pb];
                            pb += 1;
                            nb -= 1;
                            bcount += 1;
                            acount = 0;
                            if nb == 0 {
                                break 'merge MergeEnd::Done;
                            }
                            if bcount >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            v[pb - na] = tmp[pa];
                            pa += 1;
                            na -= 1;
                            acount += 1;
                            bcount = 0;
                            if na == 1 {
                                break 'merge MergeEnd::OneLeft;
                            }
                            if acount >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                // Galloping, while it keeps paying off.
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    *shared_min_gallop = min_gallop;
                    let k = match gallop_right(lt, v[pb], &tmp[pa..pa + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge MergeEnd::Failed(e),
                    };
                    acount = k;
                    if k > 0 {
                        let d = pb - na;
                        v[d..d + k].copy_from_slice(&tmp[pa..pa + k]);
                        pa += k;
                        na -= k;
                        if na == 1 {
                            break 'merge MergeEnd::OneLeft;
                        }
                        // Only an inconsistent comparison gets here.
                        if na == 0 {
                            break 'merge MergeEnd::Done;
                        }
                    }
                    v[pb - na] = v[pb];
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge MergeEnd::Done;
                    }
                    let k = match gallop_left(lt, tmp[pa], &v[pb..pb + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge MergeEnd::Failed(e),
                    };
                    bcount = k;
                    if k > 0 {
                        v.copy_within(pb..pb + k, pb - na);
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge MergeEnd::Done;
                        }
                    }
                    v[pb - na] = tmp[pa];
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        break 'merge MergeEnd::OneLeft;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                // Leaving galloping mode makes re-entering it harder.
                min_gallop += 1;
                *shared_min_gallop = min_gallop;
            }
        };
        match end {
            MergeEnd::OneLeft => {
                let d = pb - na;
                v.copy_within(pb..pb + nb, d);
                v[d + nb] = tmp[pa];
                Ok(())
            }
            MergeEnd::Done | MergeEnd::Failed(_) => {
                let d = pb - na;
                v[d..d + na].copy_from_slice(&tmp[pa..pa + na]);
                match end {
                    MergeEnd::Failed(e) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }

    /// Merge A = v[base..base+na] and B (right after it, nb long), copying
    /// B out; fills from the right. Requires na > nb.
    fn merge_hi(&mut self, base: usize, mut na: usize, mut nb: usize) -> Result<(), E> {
        let Sorter { v, lt, min_gallop: shared_min_gallop, tmp, .. } = self;
        let v = &mut **v;
        tmp.clear();
        tmp.extend_from_slice(&v[base + na..base + na + nb]);
        // A's rest is v[base..base+na], B's rest tmp[..nb]; the next output
        // slot is base + na + nb - 1.
        v[base + na + nb - 1] = v[base + na - 1];
        na -= 1;
        let end = 'merge: {
            if na == 0 {
                break 'merge MergeEnd::Done;
            }
            if nb == 1 {
                break 'merge MergeEnd::OneLeft;
            }
            let mut min_gallop = *shared_min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    match lt(tmp[nb - 1], v[base + na - 1]) {
                        Err(e) => break 'merge MergeEnd::Failed(e),
                        Ok(true) => {
                            v[base + na + nb - 1] = v[base + na - 1];
                            na -= 1;
                            acount += 1;
                            bcount = 0;
                            if na == 0 {
                                break 'merge MergeEnd::Done;
                            }
                            if acount >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            v[base + na + nb - 1] = tmp[nb - 1];
                            nb -= 1;
                            bcount += 1;
                            acount = 0;
                            if nb == 1 {
                                break 'merge MergeEnd::OneLeft;
                            }
                            if bcount >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    *shared_min_gallop = min_gallop;
                    let k = match gallop_right(lt, tmp[nb - 1], &v[base..base + na], na - 1) {
                        Ok(k) => na - k,
                        Err(e) => break 'merge MergeEnd::Failed(e),
                    };
                    acount = k;
                    if k > 0 {
                        v.copy_within(base + na - k..base + na, base + na - k + nb);
                        na -= k;
                        if na == 0 {
                            break 'merge MergeEnd::Done;
                        }
                    }
                    v[base + na + nb - 1] = tmp[nb - 1];
                    nb -= 1;
                    if nb == 1 {
                        break 'merge MergeEnd::OneLeft;
                    }
                    let k = match gallop_left(lt, v[base + na - 1], &tmp[..nb], nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => break 'merge MergeEnd::Failed(e),
                    };
                    bcount = k;
                    if k > 0 {
                        let d = base + na + nb - k;
                        v[d..d + k].copy_from_slice(&tmp[nb - k..nb]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge MergeEnd::OneLeft;
                        }
                        // Only an inconsistent comparison gets here.
                        if nb == 0 {
                            break 'merge MergeEnd::Done;
                        }
                    }
                    v[base + na + nb - 1] = v[base + na - 1];
                    na -= 1;
                    if na == 0 {
                        break 'merge MergeEnd::Done;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                *shared_min_gallop = min_gallop;
            }
        };
        match end {
            MergeEnd::OneLeft => {
                v.copy_within(base..base + na, base + 1);
                v[base] = tmp[0];
                Ok(())
            }
            MergeEnd::Done | MergeEnd::Failed(_) => {
                v[base + na..base + na + nb].copy_from_slice(&tmp[..nb]);
                match end {
                    MergeEnd::Failed(e) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn sorts_stably() {
        let mut seed = 7;
        for n in [0usize, 1, 2, 3, 10, 63, 64, 65, 100, 1000, 5000] {
            for modulus in [2u64, 10, 1000, 1 << 30] {
                let keys: Vec<u64> = (0..n).map(|_| lcg(&mut seed) % modulus).collect();
                let mut idx: Vec<usize> = (0..n).collect();
                timsort(&mut idx, |a, b| Ok::<bool, ()>(keys[a] < keys[b])).unwrap();
                let mut want: Vec<usize> = (0..n).collect();
                want.sort_by_key(|&i| keys[i]);
                assert_eq!(idx, want);
            }
        }
    }

    #[test]
    fn failure_keeps_a_permutation() {
        let mut seed = 3;
        let n = 3000;
        let keys: Vec<u64> = (0..n).map(|_| lcg(&mut seed) % 500).collect();
        for stop in [0usize, 1, 50, 1000, 10000, 30000] {
            let mut idx: Vec<usize> = (0..n).collect();
            let mut calls = 0;
            let r = timsort(&mut idx, |a, b| {
                calls += 1;
                if calls > stop {
                    Err(())
                } else {
                    Ok(keys[a] < keys[b])
                }
            });
            let mut seen = idx.clone();
            seen.sort();
            assert_eq!(seen, (0..n).collect::<Vec<_>>());
            if r.is_ok() {
                assert!(idx.windows(2).all(|w| keys[w[0]] <= keys[w[1]]));
            }
        }
    }
}
