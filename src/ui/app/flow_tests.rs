//! The transition function of the file flow, on its own: no window, no files.

use super::*;
use crate::storage::Template;

fn clean() -> Facts {
    Facts::default()
}

fn dirty_unsaved() -> Facts {
    Facts {
        dirty: true,
        ..Facts::default()
    }
}

fn dirty_with_file() -> Facts {
    Facts {
        dirty: true,
        path: Some(PathBuf::from("/maps/board.ron")),
        read_only: false,
    }
}

fn new_map() -> PendingAction {
    PendingAction::New(Template::Blank)
}

/// Runs `events` from `state` and returns the last state and every effect, in order.
fn run(state: FileFlow, events: Vec<Event>, facts: &Facts) -> (FileFlow, Vec<Effect>) {
    let mut state = state;
    let mut effects = Vec::new();
    for event in events {
        let (next_state, more) = next(state, event, facts);
        state = next_state;
        effects.extend(more);
    }
    (state, effects)
}

#[test]
fn an_action_on_a_clean_map_goes_ahead_at_once() {
    assert_eq!(
        next(FileFlow::Idle, Event::Guard(new_map()), &clean()),
        (FileFlow::Idle, vec![Effect::Perform(new_map())])
    );
    assert_eq!(
        next(FileFlow::Idle, Event::Guard(PendingAction::Open), &clean()),
        (
            FileFlow::Picking {
                kind: PickKind::Open,
                then: None
            },
            vec![Effect::StartPick(PickKind::Open)]
        )
    );
}

#[test]
fn an_action_on_a_dirty_map_asks_first_and_cancel_forgets_it() {
    let (state, effects) = next(FileFlow::Idle, Event::Guard(new_map()), &dirty_unsaved());
    assert_eq!(state, FileFlow::AskingToSave { then: new_map() });
    assert!(effects.is_empty());
    let (state, effects) = next(
        state,
        Event::Unsaved(PromptAnswer::Cancel),
        &dirty_unsaved(),
    );
    assert_eq!((state, effects), (FileFlow::Idle, vec![]));
}

#[test]
fn dont_save_carries_on_with_the_action() {
    let (state, effects) = run(
        FileFlow::Idle,
        vec![
            Event::Guard(PendingAction::Quit),
            Event::Unsaved(PromptAnswer::Chosen(SaveChoice::Discard)),
        ],
        &dirty_unsaved(),
    );
    assert_eq!(state, FileFlow::Idle);
    assert_eq!(effects, vec![Effect::Perform(PendingAction::Quit)]);
}

#[test]
fn save_on_a_map_without_a_file_picks_a_path_then_carries_on_after_the_save() {
    let facts = dirty_unsaved();
    let (state, effects) = run(
        FileFlow::Idle,
        vec![
            Event::Guard(new_map()),
            Event::Unsaved(PromptAnswer::Chosen(SaveChoice::Save)),
        ],
        &facts,
    );
    assert_eq!(
        state,
        FileFlow::Picking {
            kind: PickKind::SaveAs,
            then: Some(new_map())
        }
    );
    assert_eq!(effects, vec![Effect::StartPick(PickKind::SaveAs)]);
    let (state, effects) = run(
        state,
        vec![
            Event::Picked {
                path: Some(PathBuf::from("/maps/mine")),
                no_dialog: false,
            },
            Event::Saved(SaveOutcome::Saved),
        ],
        &facts,
    );
    assert_eq!(state, FileFlow::Idle);
    assert_eq!(
        effects,
        vec![
            Effect::Save {
                path: PathBuf::from("/maps/mine.ron"),
                check_disk: true
            },
            Effect::Perform(new_map())
        ]
    );
}

#[test]
fn a_failed_save_forgets_the_action_once_its_notice_is_dismissed() {
    let facts = dirty_unsaved();
    let (state, _) = run(
        FileFlow::Idle,
        vec![
            Event::Guard(new_map()),
            Event::Unsaved(PromptAnswer::Chosen(SaveChoice::Save)),
            Event::Picked {
                path: Some(PathBuf::from("/gone/mine.ron")),
                no_dialog: false,
            },
            Event::Saved(SaveOutcome::Failed),
        ],
        &facts,
    );
    assert_eq!(
        state,
        FileFlow::SaveFailed {
            path: PathBuf::from("/gone/mine.ron"),
            then: Some(new_map())
        }
    );
    assert_eq!(
        state.failed_path(),
        Some(std::path::Path::new("/gone/mine.ron"))
    );
    let (state, effects) = run(
        state,
        vec![
            Event::OfferDismissed,
            Event::Save { as_new: true },
            Event::Picked {
                path: Some(PathBuf::from("/maps/other.ron")),
                no_dialog: false,
            },
            Event::Saved(SaveOutcome::Saved),
        ],
        &facts,
    );
    assert_eq!(state, FileFlow::Idle);
    assert!(
        !effects.contains(&Effect::Perform(new_map())),
        "a later, unrelated Save As does not start a new map: {effects:?}"
    );
}

#[test]
fn an_unrelated_save_as_while_a_failure_is_on_screen_forgets_the_action_too() {
    let failed = FileFlow::SaveFailed {
        path: PathBuf::from("/gone/mine.ron"),
        then: Some(PendingAction::Quit),
    };
    let (state, effects) = run(
        failed,
        vec![
            Event::Save { as_new: true },
            Event::Picked {
                path: Some(PathBuf::from("/maps/other.ron")),
                no_dialog: false,
            },
            Event::Saved(SaveOutcome::Saved),
        ],
        &dirty_unsaved(),
    );
    assert_eq!(state, FileFlow::Idle);
    assert!(!effects.contains(&Effect::Perform(PendingAction::Quit)));
}

#[test]
fn typing_a_path_from_the_failure_notice_carries_on_with_the_action() {
    let failed = FileFlow::SaveFailed {
        path: PathBuf::from("/gone/mine.ron"),
        then: Some(PendingAction::Quit),
    };
    let (state, effects) = run(
        failed,
        vec![
            Event::TypePath {
                kind: PickKind::SaveAs,
                text: "/gone/mine.ron".to_owned(),
            },
            Event::Typed(PromptAnswer::Chosen(PathBuf::from("/maps/mine.ron"))),
            Event::Saved(SaveOutcome::Saved),
        ],
        &dirty_unsaved(),
    );
    assert_eq!(state, FileFlow::Idle);
    assert_eq!(effects.last(), Some(&Effect::Perform(PendingAction::Quit)));
}

#[test]
fn answering_overwrite_keeps_the_pending_action() {
    let facts = dirty_with_file();
    let (state, effects) = run(
        FileFlow::Idle,
        vec![
            Event::Guard(PendingAction::Quit),
            Event::Unsaved(PromptAnswer::Chosen(SaveChoice::Save)),
            Event::Saved(SaveOutcome::ChangedElsewhere),
        ],
        &facts,
    );
    assert_eq!(
        state,
        FileFlow::ConfirmingOverwrite {
            path: PathBuf::from("/maps/board.ron"),
            then: Some(PendingAction::Quit)
        }
    );
    assert_eq!(
        effects,
        vec![Effect::Save {
            path: PathBuf::from("/maps/board.ron"),
            check_disk: true
        }]
    );
    let (state, effects) = run(
        state,
        vec![Event::Overwrite(true), Event::Saved(SaveOutcome::Saved)],
        &facts,
    );
    assert_eq!(state, FileFlow::Idle);
    assert_eq!(
        effects,
        vec![
            Effect::Save {
                path: PathBuf::from("/maps/board.ron"),
                check_disk: false
            },
            Effect::Perform(PendingAction::Quit)
        ]
    );
}

#[test]
fn cancelling_the_dialog_forgets_the_action_but_no_dialog_keeps_it_for_a_typed_path() {
    let picking = || FileFlow::Picking {
        kind: PickKind::SaveAs,
        then: Some(PendingAction::Quit),
    };
    let cancel = Event::Picked {
        path: None,
        no_dialog: false,
    };
    assert_eq!(next(picking(), cancel, &clean()), (FileFlow::Idle, vec![]));
    let (state, effects) = next(
        picking(),
        Event::Picked {
            path: None,
            no_dialog: true,
        },
        &clean(),
    );
    assert_eq!(effects, vec![Effect::NoDialogNotice(PickKind::SaveAs)]);
    let (state, _) = next(
        state,
        Event::TypePath {
            kind: PickKind::SaveAs,
            text: String::new(),
        },
        &clean(),
    );
    assert!(matches!(
        state,
        FileFlow::TypingPath {
            then: Some(PendingAction::Quit),
            ..
        }
    ));
}

#[test]
fn requests_while_a_dialog_or_question_is_up_change_nothing() {
    let facts = dirty_unsaved();
    for state in [
        FileFlow::AskingToSave { then: new_map() },
        FileFlow::Picking {
            kind: PickKind::Open,
            then: None,
        },
        FileFlow::DiskChanged,
        FileFlow::OlderFormat(0),
    ] {
        for event in [
            Event::Guard(PendingAction::Quit),
            Event::Save { as_new: false },
            Event::ChangedOnDisk,
            Event::Overwrite(true),
            Event::Saved(SaveOutcome::Saved),
        ] {
            let before = format!("{state:?}");
            let (after, effects) = next(state.clone(), event, &facts);
            assert_eq!(format!("{after:?}"), before);
            assert!(effects.is_empty());
        }
    }
}

#[test]
fn a_change_on_disk_is_asked_about_and_either_reloaded_or_kept() {
    let (state, _) = next(FileFlow::Idle, Event::ChangedOnDisk, &clean());
    assert_eq!(state, FileFlow::DiskChanged);
    assert_eq!(
        next(FileFlow::DiskChanged, Event::Reload(true), &clean()),
        (FileFlow::Idle, vec![Effect::Reload])
    );
    assert_eq!(
        next(FileFlow::DiskChanged, Event::Reload(false), &clean()),
        (FileFlow::Idle, vec![Effect::KeepMine])
    );
}

#[test]
fn upgrading_in_place_saves_without_asking_about_the_disk() {
    let facts = Facts {
        dirty: false,
        path: Some(PathBuf::from("/maps/old.ron")),
        read_only: true,
    };
    let (state, effects) = next(
        FileFlow::OlderFormat(0),
        Event::Upgrade(UpgradeChoice::InPlace),
        &facts,
    );
    assert!(matches!(state, FileFlow::Saving { then: None, .. }));
    assert_eq!(
        effects,
        vec![Effect::Save {
            path: PathBuf::from("/maps/old.ron"),
            check_disk: false
        }]
    );
    // Saving a read-only map asks for another file.
    let (state, _) = next(FileFlow::Idle, Event::Save { as_new: false }, &facts);
    assert!(matches!(
        state,
        FileFlow::Picking {
            kind: PickKind::SaveAs,
            ..
        }
    ));
}

#[test]
fn recovery_copies_are_offered_one_by_one_before_the_older_format_question() {
    let orphan = |n: u32| Orphan {
        copy: PathBuf::from(format!("/data/recovery-{n}.ron")),
        original: None,
        written: None,
    };
    let (state, _) = next(
        FileFlow::OlderFormat(0),
        Event::RecoveryFound(vec![orphan(1), orphan(2)]),
        &clean(),
    );
    let (state, effects) = next(state, Event::RecoveryAnswered(false), &clean());
    assert_eq!(effects, vec![Effect::Discard(orphan(1))]);
    assert!(matches!(state, FileFlow::OfferingRecovery { ref orphans, .. } if orphans.len() == 1));
    let (state, effects) = next(state, Event::RecoveryAnswered(false), &clean());
    assert_eq!(effects, vec![Effect::Discard(orphan(2))]);
    assert_eq!(state, FileFlow::OlderFormat(0));

    let (state, _) = next(
        FileFlow::Idle,
        Event::RecoveryFound(vec![orphan(3)]),
        &clean(),
    );
    assert_eq!(
        next(state, Event::RecoveryAnswered(true), &clean()),
        (FileFlow::Idle, vec![Effect::Restore(orphan(3))])
    );
    // Nothing to offer is no offer.
    assert_eq!(
        next(FileFlow::Idle, Event::RecoveryFound(vec![]), &clean()).0,
        FileFlow::Idle
    );
}
