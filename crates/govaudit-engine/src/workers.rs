//! Pages checked on every core, results handed on in input order.
//!
//! Pages go to a rayon pool a window at a time; the window's outcomes come back in input order
//! and are handed on before the next window starts. So the output is the same bytes whatever
//! the number of threads, and no more than one window of DOMs is alive at once.

use crate::EngineError;
use crate::page::{PageContext, PageInput, PageOutcome, check_page};
use rayon::prelude::*;

/// Pages per thread in one window: enough that a slow page rarely leaves a thread idle for
/// long, few enough that memory stays flat.
const PAGES_PER_THREAD_IN_WINDOW: usize = 8;

/// The threads that check pages.
pub(crate) struct Workers {
    pool: rayon::ThreadPool,
    window: usize,
}

impl Workers {
    /// `jobs` threads (0: one per core).
    pub(crate) fn new(jobs: usize) -> Result<Workers, EngineError> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("govaudit-page-{i}"))
            .build()
            .map_err(|e| EngineError::Threads(e.to_string()))?;
        let window = pool.current_num_threads().max(1) * PAGES_PER_THREAD_IN_WINDOW;
        Ok(Workers { pool, window })
    }

    pub(crate) fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// How many pages one window holds.
    pub(crate) fn window(&self) -> usize {
        self.window
    }

    /// Checks one window of items on the pool; outcomes in input order.
    pub(crate) fn check_window<T, R>(
        &self,
        window: Vec<T>,
        cx: &PageContext<'_>,
        read: &R,
    ) -> Vec<PageOutcome>
    where
        T: Send,
        R: Fn(T) -> Result<PageInput, Box<PageOutcome>> + Sync,
    {
        self.pool.install(|| {
            window
                .into_par_iter()
                .map(|item| match read(item) {
                    Ok(input) => check_page(input, cx),
                    Err(unread) => *unread,
                })
                .collect()
        })
    }
}
