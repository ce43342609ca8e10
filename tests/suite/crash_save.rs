//! Crash safety of saving, tested by killing a real process: a child process saves a large map (3000 nodes,
//! over half a megabyte) over and over, alternating between two versions of it, and is killed with SIGKILL at a
//! random moment; this is repeated hundreds of times. After every kill the target must be, byte for byte, one of
//! the two versions (both of which are checked to load back to themselves, so the target always loads as the
//! old version or the new one); the `.bak` backup, when there is one, must be whole too; and the kill may leave
//! at most one stray temporary file, which holds the beginning of one of the versions.
//!
//! The test binary is its own child: `saves_survive_sigkill_at_random_moments` runs this binary again with
//! `child_saves_forever --exact --ignored` and `RELMAP_CRASH_CHILD` naming the folder to save in. Without that
//! variable `child_saves_forever` returns at once, so running ignored tests by hand does no harm. Half of the
//! children call `storage::save`; the other half call `storage::write_atomically` with the text `save` would
//! write, so that they spend their time on the disk rather than serializing, and more kills land mid-write.
//!
//! The default is 200 kills with a fixed seed, which takes well under a minute in a debug build. A longer run,
//! with another seed and a summary of what the kills hit:
//!
//! ```text
//! RELMAP_CRASH_KILLS=2000 RELMAP_CRASH_SEED=7 cargo test --release --test suite crash_save:: -- --nocapture
//! ```

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::env;
use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use relmap::model::{Workbook, generate};
use relmap::storage::{backup_path, load, save, to_string, write_atomically};

/// Names the folder the child saves in; the child does nothing without it.
const CHILD_ENV: &str = "RELMAP_CRASH_CHILD";
/// Names the folder holding the two versions' text, `a.ron` and `b.ron`, for a child that writes bytes.
const VERSIONS_ENV: &str = "RELMAP_CRASH_VERSIONS";
/// Which version (0 for A, 1 for B) is on disk when the child starts; it saves the other one first.
const ON_DISK_ENV: &str = "RELMAP_CRASH_ON_DISK";
/// How the child saves: `save` or `bytes`; see [`Mode`].
const MODE_ENV: &str = "RELMAP_CRASH_MODE";
/// How many times to kill the child.
const KILLS_ENV: &str = "RELMAP_CRASH_KILLS";
/// The seed of the random kill moments.
const SEED_ENV: &str = "RELMAP_CRASH_SEED";

const DEFAULT_KILLS: u64 = 200;
const DEFAULT_SEED: u64 = 0x5EED_C0FF_EE00_0001;
/// Large enough that a save takes a while and writes over half a megabyte.
const NODES: usize = 3000;
/// The file the child saves to.
const TARGET: &str = "map.ron";
/// The files holding the versions' text, in the folder named by [`VERSIONS_ENV`].
const VERSION_FILES: [&str; 2] = ["a.ron", "b.ron"];
/// What the child prints once it is about to start saving. The test harness may have begun the line with the
/// name of the test.
const READY: &str = "relmap-crash-child: saving";
/// The signal number of SIGKILL, which `Child::kill` sends on Unix.
const SIGKILL: i32 = 9;
/// How long a child may take to start before the test gives up on it.
const START_TIMEOUT: Duration = Duration::from_mins(1);

/// How a child saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// `storage::save`, as the app does: it serializes the workbook every time, which takes most of a save's
    /// time, and only then touches the disk.
    Save,
    /// `storage::write_atomically` with the text `storage::save` would write, serialized once up front: nearly
    /// all of the time goes to writing, flushing, keeping the backup and renaming, so many more kills land there.
    Bytes,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Save => "save",
            Mode::Bytes => "bytes",
        }
    }
}

/// The two versions the child alternates between: a generated map (A), and the same map with another root
/// title and a note on the root (B).
fn versions() -> [Workbook; 2] {
    let a = generate(NODES);
    let mut b = a.clone();
    let root = b.map.root();
    let topic = b.map.topic_mut(root).expect("the root exists");
    "You, version B".clone_into(&mut topic.title);
    "Written by the crash test as version B.".clone_into(&mut topic.profile.notes);
    [a, b]
}

/// `xorshift64*`: a tiny deterministic generator, so a failing run can be repeated with its seed.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        // Zero is the one state xorshift never leaves.
        XorShift(if seed == 0 { DEFAULT_SEED } else { seed })
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..=high`.
    fn up_to(&mut self, high: u64) -> u64 {
        self.next() % (high + 1)
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    match env::var(name) {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, not {text:?}")),
        Err(_) => default,
    }
}

/// The child, run by `saves_survive_sigkill_at_random_moments` in a process of its own: saves the two versions
/// in turn to the same file until it is killed.
#[test]
#[ignore = "the child process of saves_survive_sigkill_at_random_moments; does nothing without RELMAP_CRASH_CHILD"]
fn child_saves_forever() {
    let Some(dir) = env::var_os(CHILD_ENV) else {
        return;
    };
    let target = Path::new(&dir).join(TARGET);
    let on_disk = env_number(ON_DISK_ENV, 0) as usize % 2;
    let mut next = 1 - on_disk;
    if env::var(MODE_ENV).as_deref() == Ok(Mode::Bytes.name()) {
        // Reading the text is much quicker than serializing it again in a debug build.
        let versions = PathBuf::from(env::var_os(VERSIONS_ENV).expect("the versions' folder"));
        let texts =
            VERSION_FILES.map(|name| fs::read(versions.join(name)).expect("a version's text"));
        announce_ready();
        loop {
            write_atomically(&target, &texts[next]).expect("the child saves");
            next = 1 - next;
        }
    } else {
        let workbooks = versions();
        announce_ready();
        loop {
            save(&target, &workbooks[next]).expect("the child saves");
            next = 1 - next;
        }
    }
}

fn announce_ready() {
    let mut stdout = std::io::stdout();
    writeln!(stdout, "{READY}").unwrap();
    stdout.flush().unwrap();
}

/// Kills the child when a check fails while it still runs, so that no saving process outlives the test.
struct Reaper(Child);

impl Drop for Reaper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a child that saves in `dir`, and waits until it has built its workbooks and begins to save.
fn start_child(dir: &Path, versions: &Path, on_disk: usize, mode: Mode) -> Reaper {
    let child = Command::new(env::current_exe().expect("the test binary"))
        .args([
            "crash_save::child_saves_forever",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .env(ON_DISK_ENV, on_disk.to_string())
        .env(VERSIONS_ENV, versions)
        .env(MODE_ENV, mode.name())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the child starts");
    let mut child = Reaper(child);
    let stdout = child.0.stdout.take().expect("the child's output");
    let (ready, ready_signal) = mpsc::channel();
    thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let found = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|line| line.contains(READY));
        let _ = ready.send(found);
        // Keep reading, so the child never blocks on a full pipe; this ends when the child dies.
        lines.for_each(drop);
    });
    match ready_signal.recv_timeout(START_TIMEOUT) {
        Ok(true) => child,
        Ok(false) => panic!(
            "the child ended before it began to save: {}",
            stderr_of(&mut child)
        ),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("the child did not begin to save within {START_TIMEOUT:?}")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("the thread reading the child's output stopped")
        }
    }
}

/// Whatever the child wrote to its error output; call only once it has ended.
fn stderr_of(child: &mut Reaper) -> String {
    let _ = child.0.kill();
    let _ = child.0.wait();
    let mut text = String::new();
    if let Some(mut stderr) = child.0.stderr.take() {
        let _ = stderr.read_to_string(&mut text);
    }
    text
}

/// Which of the two versions `bytes` is, if either.
fn which(texts: &[String; 2], bytes: &[u8]) -> Option<usize> {
    texts.iter().position(|text| text.as_bytes() == bytes)
}

/// Copies a bad file out of the temporary folder, so that it can be looked at after the test, and says where.
fn keep_for_inspection(path: &Path, kill: u64) -> String {
    let name = path
        .file_name()
        .unwrap_or(OsStr::new("file"))
        .to_string_lossy();
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("crash_save-kill{kill}-{name}"));
    match fs::copy(path, &kept) {
        Ok(_) => format!("a copy is kept at {}", kept.display()),
        Err(error) => format!("it could not be copied: {error}"),
    }
}

/// The stray temporary files in `dir`, each with the id of the process that wrote it. Anything in the folder
/// other than the target, its backup and temporary files fails the test.
fn temporary_files(dir: &Path) -> Vec<(PathBuf, u32)> {
    let prefix = format!(".{TARGET}.");
    let backup = backup_path(Path::new(TARGET));
    let mut temps = Vec::new();
    for entry in fs::read_dir(dir).expect("the folder lists") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        if name == TARGET || Path::new(&name) == backup {
            continue;
        }
        // Temporary files are named `.<name>.<process id>-<unique>.tmp` (`.bak.tmp` for a backup being made);
        // see storage/atomic.rs.
        let pid = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse().ok())
            .unwrap_or_else(|| panic!("an unexpected file is left in the folder: {name}"));
        temps.push((path, pid));
    }
    temps
}

/// What the kills hit, for the summary and for the checks that the test is not vacuous.
#[derive(Default, Debug)]
struct Tally {
    /// How often the target held A, and how often B, after a kill.
    seen: [u64; 2],
    /// Kills after which the target still held what was there when the child started.
    unchanged: u64,
    /// Kills that left a temporary file behind: the child was killed between creating it and renaming it.
    left_a_temporary_file: u64,
    /// Of those, how many temporary files held a whole version, written and flushed but not yet renamed.
    whole_temporary_files: u64,
    /// Kills after which there was no backup yet: the first child was killed before its first save kept one.
    /// (The new backup is renamed over the old one, so once there is a backup there always is.)
    no_backup: u64,
    /// Temporary files left by an earlier child that were still there after the next child had saved.
    stale_kept_by_later_saves: u64,
    /// Temporary files left by an earlier child that a later child's saves removed.
    stale_removed_by_later_saves: u64,
}

/// Checks the folder after a kill; returns which version the target holds.
fn check_after_kill(
    dir: &Path,
    texts: &[String; 2],
    on_disk: usize,
    child_pid: u32,
    kill: u64,
    tally: &mut Tally,
    stale: &mut Vec<PathBuf>,
) -> usize {
    let target = dir.join(TARGET);
    let bytes = fs::read(&target)
        .unwrap_or_else(|error| panic!("kill {kill}: the target cannot be read: {error}"));
    let Some(seen) = which(texts, &bytes) else {
        let loaded = match load(&target) {
            Ok(_) => "it loads, but is neither version".to_owned(),
            Err(error) => format!("it does not load: {error}"),
        };
        panic!(
            "kill {kill}: the target ({} bytes) is neither version A ({} bytes) nor B ({} bytes); {loaded}; {}",
            bytes.len(),
            texts[0].len(),
            texts[1].len(),
            keep_for_inspection(&target, kill)
        );
    };
    // Both versions were checked to load back to themselves before the kills began, so the target loads as the
    // version it holds; loading it again after every kill would take most of the test's time in a debug build.
    tally.seen[seen] += 1;
    if seen == on_disk {
        tally.unchanged += 1;
    }

    let backup = backup_path(&target);
    match fs::read(&backup) {
        Ok(bytes) => assert!(
            which(texts, &bytes).is_some(),
            "kill {kill}: the backup ({} bytes) is neither version; {}",
            bytes.len(),
            keep_for_inspection(&backup, kill)
        ),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => tally.no_backup += 1,
        Err(error) => panic!("kill {kill}: the backup cannot be read: {error}"),
    }

    // Temporary files of earlier children: does saving clean them up? Only counted when this child got as far as
    // replacing the target, which shows it saved at least once.
    let temps = temporary_files(dir);
    if let Some((path, pid)) = temps
        .iter()
        .find(|(path, pid)| *pid != child_pid && !stale.contains(path))
    {
        panic!(
            "kill {kill}: a temporary file of another process ({pid}) is in the folder: {}",
            path.display()
        );
    }
    if seen != on_disk {
        for path in stale.iter() {
            if temps.iter().any(|(temp, _)| temp == path) {
                tally.stale_kept_by_later_saves += 1;
            } else {
                tally.stale_removed_by_later_saves += 1;
            }
        }
    }
    // The test removes them itself, so that they cannot pile up over a long run (and so that a process id used
    // again can never meet an old temporary file of the same name).
    for path in stale.drain(..) {
        let _ = fs::remove_file(path);
    }

    // A save makes at most two temporary files: the new map, and the new backup before it is renamed over the
    // old one. The backup's is empty or a whole version (a link to the target).
    let is_backup = |path: &PathBuf| path.to_string_lossy().ends_with(".bak.tmp");
    for (path, pid) in &temps {
        if *pid == child_pid && is_backup(path) {
            let bytes = fs::read(path).expect("the temporary backup reads");
            assert!(
                bytes.is_empty() || which(texts, &bytes).is_some(),
                "kill {kill}: the temporary backup is neither empty nor a whole version; {}",
                keep_for_inspection(path, kill)
            );
            stale.push(path.clone());
        }
    }
    let mine: Vec<&PathBuf> = temps
        .iter()
        .filter(|(path, pid)| *pid == child_pid && !is_backup(path))
        .map(|(path, _)| path)
        .collect();
    assert!(
        mine.len() <= 1,
        "kill {kill}: one process saving in turn left {} temporary files: {mine:?}",
        mine.len()
    );
    if let Some(path) = mine.first() {
        let partial = fs::read(path).expect("the temporary file reads");
        assert!(
            texts
                .iter()
                .any(|text| text.as_bytes().starts_with(&partial)),
            "kill {kill}: the temporary file holds something other than the beginning of a version; {}",
            keep_for_inspection(path, kill)
        );
        tally.left_a_temporary_file += 1;
        if which(texts, &partial).is_some() {
            tally.whole_temporary_files += 1;
        }
        stale.push((*path).clone());
    }
    seen
}

/// The longest of a few runs of `action`.
fn slowest(runs: usize, mut action: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            action();
            started.elapsed()
        })
        .max()
        .unwrap_or_default()
}

#[test]
fn saves_survive_sigkill_at_random_moments() {
    let kills = env_number(KILLS_ENV, DEFAULT_KILLS);
    let seed = env_number(SEED_ENV, DEFAULT_SEED);
    let mut random = XorShift::new(seed);
    // Shown with the output of a failed test, so that the run can be repeated.
    println!("crash_save: {kills} kills, {SEED_ENV}={seed}");
    let workbooks = versions();
    let texts = workbooks.each_ref().map(to_string);
    assert_ne!(texts[0], texts[1]);

    // The folders live under target/, on the same kind of disk as the build, rather than in a RAM-backed /tmp.
    let root = tempfile::Builder::new()
        .prefix("crash_save-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder");
    let versions = root.path().join("versions");
    let dir = root.path().join("saves");
    fs::create_dir(&versions).unwrap();
    fs::create_dir(&dir).unwrap();
    let target = dir.join(TARGET);

    // Both versions load back to themselves, so that "the target's bytes are A's or B's" means "the target loads
    // as A or as B", and the kills are checked by comparing bytes, which is much quicker than loading in a debug
    // build.
    for (index, workbook) in workbooks.iter().enumerate() {
        let path = versions.join(VERSION_FILES[index]);
        save(&path, workbook).unwrap();
        assert!(fs::read(&path).unwrap() == texts[index].as_bytes());
        assert!(to_string(&load(&path).unwrap()) == texts[index]);
    }

    // How long a save takes here sets the range of the kill moments: up to two or three saves after the child
    // starts, so that some kills come before its first save is done and others after one or more. Flushing to
    // disk takes from a millisecond to tens of them, from one moment to the next, hence the floor; the ceiling
    // keeps the run short on a slow disk.
    let mut which_one = 0;
    let save_time = slowest(2, || {
        save(&target, &workbooks[which_one]).unwrap();
        which_one = 1 - which_one;
    });
    let write_time = slowest(5, || {
        write_atomically(&target, texts[which_one].as_bytes()).unwrap();
        which_one = 1 - which_one;
    });
    let range = |time: Duration, times: u32| {
        (time * times).clamp(Duration::from_millis(10), Duration::from_millis(200))
    };
    let latest = [
        (Mode::Save, range(save_time, 2)),
        (Mode::Bytes, range(write_time, 3)),
    ];

    // Start from version A, with a backup of B.
    save(&target, &workbooks[1]).unwrap();
    save(&target, &workbooks[0]).unwrap();
    let mut on_disk = 0;
    let mut tally = Tally::default();
    let mut stale = Vec::new();
    let started = Instant::now();
    for kill in 0..kills {
        let (mode, latest) = latest[kill as usize % 2];
        let delay = Duration::from_micros(random.up_to(latest.as_micros() as u64));
        let mut child = start_child(&dir, &versions, on_disk, mode);
        let child_pid = child.0.id();
        thread::sleep(delay);
        child.0.kill().expect("the child can be killed");
        let status = child.0.wait().expect("the child ends");
        assert!(
            status.signal() == Some(SIGKILL),
            "kill {kill} (seed {seed}, {mode:?}): the child ended by itself with {status}: {}",
            stderr_of(&mut child)
        );
        on_disk = check_after_kill(
            &dir, &texts, on_disk, child_pid, kill, &mut tally, &mut stale,
        );
    }
    let elapsed = started.elapsed();

    // The last file standing loads, too.
    assert!(to_string(&load(&target).unwrap()) == texts[on_disk]);
    println!(
        "crash_save: {kills} kills (seed {seed}) in {elapsed:?}; a save took up to {save_time:?} and a write of \
         its text up to {write_time:?}, so the kills came up to {latest:?} after the child started; {tally:#?}"
    );
    if kills >= 20 {
        assert!(
            tally.seen[0] > 0 && tally.seen[1] > 0,
            "the kills never caught one of the versions on disk, so they did not test saving: {tally:?}"
        );
        // A kill that leaves a temporary file behind came between creating it and renaming it over the
        // target: in the middle of a write. Without any, the test would only show that finished saves are whole.
        assert!(
            tally.left_a_temporary_file > 0,
            "no kill landed in the middle of a write, so the test did not test a crash while saving: {tally:?}"
        );
    }
}
