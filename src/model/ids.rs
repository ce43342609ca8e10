//! Stable identifiers. They never change when other nodes are removed, unlike petgraph's indices.

use serde::{Deserialize, Serialize};

/// The stable identity of one node of a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub u64);

/// The stable identity of one cross-link of a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LinkId(pub u64);

impl std::fmt::Display for NodeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::fmt::Display for LinkId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A hasher for maps and sets keyed by ids: ids are small integers handed out in order, so a multiply and a
/// fold spread them over a table in a few instructions, where the standard library's `SipHash` (made to resist
/// keys chosen by an attacker over a network) costs tens of nanoseconds per lookup. Every operation on a large
/// map looks nodes up by id many times over.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, then the rest: text is hashed about as fast as it is read.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0_u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(word) ^ (rest.len() as u64) << 56);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Fibonacci hashing: the golden-ratio multiplier sends consecutive ids far apart.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        // Fold the well-mixed high bits into the low bits, which pick the bucket.
        self.0 ^ (self.0 >> 32)
    }
}

/// Builds [`IdHasher`]s.
pub type BuildIdHasher = std::hash::BuildHasherDefault<IdHasher>;

/// A hash map keyed by ids.
pub type IdMap<K, V> = std::collections::HashMap<K, V, BuildIdHasher>;

/// A hash set of ids.
pub type IdSet<K> = std::collections::HashSet<K, BuildIdHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_ids_get_distinct_hashes_spread_over_the_low_bits() {
        use std::hash::BuildHasher;
        let build = BuildIdHasher::default();
        let buckets: std::collections::HashSet<u64> = (0..1024_u64)
            .map(|n| build.hash_one(NodeId(n)) & 1023)
            .collect();
        // A fair spread fills most of 1,024 buckets with 1,024 keys (a random hash fills about 63 %).
        assert!(buckets.len() > 550, "{} buckets used", buckets.len());
    }

    #[test]
    fn a_map_keyed_by_ids_finds_what_it_holds() {
        let mut map: IdMap<NodeId, u64> = IdMap::default();
        for n in (0..10_000_u64).step_by(7) {
            map.insert(NodeId(n), n * 2);
        }
        assert_eq!(map.get(&NodeId(70)), Some(&140));
        assert_eq!(map.get(&NodeId(71)), None);
        assert_eq!(map.len(), 1429);
    }
}
