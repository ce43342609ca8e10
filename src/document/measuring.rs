//! How the document measures nodes for its automatic layout, and the sizes it remembers.
//!
//! Laying the map out after an edit needs the size of every visible node. Measuring text is costly, so each
//! node's size is kept with a fingerprint of what it was measured from; a node is measured again only when
//! that changed (its title was typed over, an icon was added) or the measure itself changed (another style or
//! interface size). An edit of one node therefore measures one node, whatever the size of the map.

use std::cell::RefCell;
use std::hash::{BuildHasher, Hash, Hasher};

use crate::layout::{self, NodeSize};
use crate::model::{BuildIdHasher, IdMap, MindMap, NodeId, StrategyStatus, Topic};

/// Measures a node's box as the canvas draws it: its title, icon and badges. The flag is set for the root,
/// whose title is drawn larger. A measure may depend on the title, the icon, the relationship's frequency,
/// the strategies' status and the flag, and on nothing else of the node: the document measures a node again
/// only when one of those changes.
pub type Measure = Box<dyn Fn(&Topic, bool) -> NodeSize>;

/// The measure in use and the sizes it gave.
pub(super) struct Measuring {
    /// The canvas's measure; `None` until the UI gives one, and in tests and tools without a UI, which use
    /// [`layout::estimated_size`].
    measure: Option<Measure>,
    /// What the measure was made for (a style, a font size), as the UI names it, so that the UI can tell when
    /// to give a new one.
    key: u64,
    /// Each node's size, with the fingerprint of what it was measured from.
    sizes: RefCell<IdMap<NodeId, (u64, NodeSize)>>,
}

impl std::fmt::Debug for Measuring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Measuring")
            .field("measure", &self.measure.as_ref().map(|_| "canvas"))
            .field("key", &self.key)
            .field("sizes", &self.sizes.borrow().len())
            .finish()
    }
}

impl Measuring {
    /// Measuring with `measure` (or the estimate, for `None`), made for what the UI names `key`.
    pub fn new(measure: Option<Measure>, key: u64) -> Measuring {
        Measuring {
            measure,
            key,
            sizes: RefCell::new(IdMap::default()),
        }
    }

    /// What the measure was made for; 0 for the estimate.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// The size of `topic`'s box, measured once for as long as what it is measured from stays the same. With
    /// `unchanged`, the caller knows that nothing it is measured from changed since it was last asked (no
    /// command touched it), and a size already known is given without the node being looked at again.
    pub fn size_of(&self, topic: &Topic, is_root: bool, unchanged: bool) -> NodeSize {
        if unchanged && let Some(&(_, size)) = self.sizes.borrow().get(&topic.id) {
            return size;
        }
        let print = fingerprint(topic, is_root);
        if let Some(&(known, size)) = self.sizes.borrow().get(&topic.id)
            && known == print
        {
            return size;
        }
        let size = match &self.measure {
            Some(measure) => measure(topic, is_root),
            None => layout::estimated_size(&topic.title),
        };
        self.sizes.borrow_mut().insert(topic.id, (print, size));
        size
    }

    /// Forgets the sizes of removed nodes, once they outnumber the nodes of the map.
    pub fn forget_removed(&self, map: &MindMap) {
        let mut sizes = self.sizes.borrow_mut();
        if sizes.len() > 2 * map.len() + 64 {
            sizes.retain(|id, _| map.contains(*id));
        }
    }
}

/// A fingerprint of everything a [`Measure`] may read of a node.
fn fingerprint(topic: &Topic, is_root: bool) -> u64 {
    let mut hasher = BuildIdHasher::default().build_hasher();
    topic.title.hash(&mut hasher);
    topic.icon.hash(&mut hasher);
    topic.profile.frequency.hash(&mut hasher);
    for strategy in &topic.profile.strategies {
        (strategy.status == StrategyStatus::Active).hash(&mut hasher);
    }
    is_root.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use super::*;
    use crate::model::{Frequency, Icon, NodeKind};

    fn counting() -> (Measuring, Rc<Cell<usize>>) {
        let calls = Rc::new(Cell::new(0));
        let counter = Rc::clone(&calls);
        let measure: Measure = Box::new(move |topic: &Topic, _| {
            counter.set(counter.get() + 1);
            NodeSize::new(10.0 * topic.title.len() as f32, 20.0)
        });
        (Measuring::new(Some(measure), 7), calls)
    }

    #[test]
    #[allow(clippy::float_cmp)]
    fn a_node_is_measured_once_until_what_it_shows_changes() {
        let (measuring, calls) = counting();
        let mut topic = Topic::new(NodeId(3), "Board", NodeKind::Topic);
        assert_eq!(measuring.size_of(&topic, false, false).width, 50.0);
        assert_eq!(measuring.size_of(&topic, false, false).width, 50.0);
        assert_eq!(calls.get(), 1);

        topic.title = "Board chair".to_owned();
        assert_eq!(measuring.size_of(&topic, false, false).width, 110.0);
        assert_eq!(calls.get(), 2);

        topic.icon = Some(Icon::ALL[0]);
        measuring.size_of(&topic, false, false);
        topic.profile.frequency = Frequency::Weekly;
        measuring.size_of(&topic, false, false);
        measuring.size_of(&topic, true, false);
        assert_eq!(
            calls.get(),
            5,
            "icon, frequency and the root flag each measure again"
        );

        // Another node with the same id (an id used again after an undo) is measured for what it shows.
        let other = Topic::new(NodeId(3), "Mayor", NodeKind::Topic);
        assert_eq!(measuring.size_of(&other, false, false).width, 50.0);
    }
}
