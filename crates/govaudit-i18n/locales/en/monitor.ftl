# The monitor report (govaudit monitor report): index.html of the fleet and one page per site.
# Used by govaudit-monitor's report module. Every id starts with monitor-.

monitor-fleet-title = Monitored sites
monitor-site = Site
monitor-last-run = Last run
monitor-open-problems = Open problems
monitor-availability-week = Availability over the week
monitor-verdict-pass = pass
monitor-verdict-veto = veto (unreachable ≥ 5%)
monitor-verdict-insufficient = too few probes (< 20 a day)
# After the share of probes that loaded: how many probes the week had.
monitor-probes = { $count ->
        [one] { $count } probe
       *[other] { $count } probes
    }
monitor-failures = { $count ->
        [one] { $count } failure
       *[other] { $count } failures
    }
monitor-score-over-time = Score over time
monitor-score-note = Availability score per run (share of homepage probes that loaded), and the total score when the run has one.
monitor-problems-by-age = Open problems by age
monitor-rule = Rule
monitor-page = Page
monitor-message = Message
monitor-first-seen = First seen
monitor-age-days = Age (days)
monitor-freshness = Freshness of the homepage
monitor-fresh = updated recently (no stale-homepage finding)
# Followed by the finding's message.
monitor-stale = stale
monitor-unknown = unknown (no disclosure profile)
monitor-no-runs = No finished run yet.
monitor-no-problems = No open problems.
# The link from a site's page back to the index.
monitor-back = All sites
