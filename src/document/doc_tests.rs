//! The history of a document: failed undo, naming a new node, the step limit.

use super::*;
use crate::model::NodeId;

#[test]
fn a_failed_undo_keeps_the_step_in_the_history() {
    let mut doc = Document::new(Workbook::default(), None);
    // A step whose command cannot work any more stands for a history that has gone wrong.
    doc.undo.push(Step {
        command: EditCommand::RemoveSubtree { id: NodeId(999) },
        label: "delete",
        before: 0,
        after: 1,
        merge: None,
    });
    doc.revision = 1;
    assert!(doc.undo().is_err());
    assert_eq!(doc.undo_depth(), 1, "the step is still there to try again");
    assert_eq!(doc.revision(), 1, "the document did not change");
}

#[test]
fn naming_a_node_just_added_is_part_of_the_same_undo_step() {
    let mut doc = Document::new(Workbook::default(), None);
    let root = doc.workbook().map.root();
    let id = doc.allocate_node_id();
    let topic = crate::model::Topic::new(id, "", crate::model::NodeKind::Topic);
    doc.apply(EditCommand::AddNode {
        parent: root,
        index: 0,
        topic: Box::new(topic),
    })
    .unwrap();
    doc.name_new_node(id, "Board".to_owned()).unwrap();
    assert_eq!(doc.undo_depth(), 1);
    assert_eq!(doc.workbook().map.topic(id).unwrap().title, "Board");
    doc.undo().unwrap();
    assert!(!doc.workbook().map.contains(id));
    assert!(!doc.is_dirty());
    doc.redo().unwrap();
    assert_eq!(
        doc.workbook().map.topic(id).unwrap().title,
        "Board",
        "redo brings the named node back"
    );

    // Once something else happened, naming is a step of its own.
    doc.apply(EditCommand::SetFolded {
        id: root,
        folded: false,
    })
    .unwrap();
    doc.name_new_node(id, "Trustees".to_owned()).unwrap();
    assert_eq!(doc.undo_depth(), 3);
}

fn fold(doc: &mut Document, folded: bool) {
    let root = doc.workbook().map.root();
    doc.apply(EditCommand::SetFolded { id: root, folded })
        .unwrap();
}

#[test]
fn the_history_keeps_at_most_the_step_limit_and_forgets_the_oldest() {
    let mut doc = Document::new(Workbook::default(), None);
    for i in 0..(UNDO_LIMIT + 20) {
        fold(&mut doc, i % 2 == 0);
    }
    assert_eq!(doc.undo_depth(), UNDO_LIMIT);
    let mut undone = 0;
    while doc.undo().unwrap() {
        undone += 1;
    }
    assert_eq!(undone, UNDO_LIMIT);
    assert!(
        doc.is_dirty(),
        "the oldest steps are gone, so the map cannot go back to as it was opened"
    );
}

#[test]
fn lowering_the_limit_forgets_steps_at_once_and_a_limit_is_never_below_one() {
    let mut doc = Document::new(Workbook::default(), None);
    for i in 0..30 {
        fold(&mut doc, i % 2 == 0);
    }
    doc.set_undo_limit(10);
    assert_eq!(doc.undo_depth(), 10);
    doc.set_undo_limit(0);
    assert_eq!(doc.undo_depth(), 1);
    fold(&mut doc, true);
    assert_eq!(doc.undo_depth(), 1);
}

/// A document of a generated 300-node map with a measure that counts its calls: ten units of width per letter.
fn counting_document() -> (Document, std::rc::Rc<std::cell::Cell<usize>>) {
    let mut doc = Document::new(crate::model::generate(300), None);
    let calls = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = std::rc::Rc::clone(&calls);
    doc.set_measure(
        7,
        Box::new(move |topic: &crate::model::Topic, _| {
            counter.set(counter.get() + 1);
            crate::layout::NodeSize::new(10.0 * topic.title.len() as f32 + 20.0, 24.0)
        }),
    );
    calls.set(0);
    (doc, calls)
}

/// Every node's position in `doc`, sorted by id.
fn positions(doc: &Document) -> Vec<(NodeId, crate::model::Pos)> {
    let map = &doc.workbook().map;
    map.sorted_ids()
        .into_iter()
        .map(|id| (id, map.topic(id).unwrap().pos))
        .collect()
}

#[test]
fn an_edit_measures_only_the_nodes_it_touched_and_lays_out_as_measuring_all_would() {
    let (mut doc, calls) = counting_document();
    let map = &doc.workbook().map;
    let staff = map.children(map.root())[1];
    doc.apply(EditCommand::Rename {
        id: staff,
        title: "Staff and volunteers of every branch".to_owned(),
    })
    .unwrap();
    assert_eq!(calls.get(), 1, "one node renamed, one node measured");
    let incremental = positions(&doc);
    // Measuring every node again gives the same layout.
    let _ = doc.relayout(None);
    assert_eq!(positions(&doc), incremental);
    doc.undo().unwrap();
    assert_eq!(calls.get(), 2, "undo measures the renamed node again");
}

#[test]
fn a_new_node_with_the_id_of_an_undone_one_is_measured_afresh() {
    let (mut doc, _) = counting_document();
    let root = doc.workbook().map.root();
    // Ids come from `allocate_node_id`, which never hands one out twice; a caller may still reuse an id that is
    // free again after an undo, as the benchmarks do.
    let id = doc.allocate_node_id();
    let add = |doc: &mut Document, title: &str| {
        let topic = crate::model::Topic::new(id, title, crate::model::NodeKind::Topic);
        doc.apply(EditCommand::AddNode {
            parent: root,
            index: 0,
            topic: Box::new(topic),
        })
        .unwrap();
    };
    add(&mut doc, "A");
    doc.undo().unwrap();
    add(&mut doc, "A title many times longer than the first");
    let laid_out = positions(&doc);
    let _ = doc.relayout(None);
    assert_eq!(
        positions(&doc),
        laid_out,
        "the new title was measured, not the old one's size reused"
    );
}
