"""Trends (key 3): weekly volume, load by kind, fitness and fatigue, leg tonnage, soreness,
today's muscle recovery and personal bests, as charts."""

from __future__ import annotations

from datetime import date, timedelta

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Label, ProgressBar, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from legrun.planner.models import MUSCLES
from legrun.planner.scheduler import week_start_for
from legrun.planner.trends import PersonalBests, WeekTotals
from legrun.planner.units import distance, in_units, pace
from legrun.storage import StorageError
from legrun.storage.plans import Trends, load_trends
from legrun.tui.screens.base import LegrunScreen
from legrun.tui.widgets.key_bar import KeyBar

RANGES = (12, 26, 52)
# The load chart's series: a glyph each (meaning never rests on colour alone).
SERIES_GLYPHS = {"legs": "█", "runs": "▒", "cross": "░"}
TABS = (
    ("volume", "Volume"),
    ("load", "Load"),
    ("fitness", "Fitness"),
    ("legs", "Legs"),
    ("soreness", "Soreness"),
    ("recovery", "Recovery & bests"),
)


def _label(day: date) -> str:
    return f"{day:%d %b}"


def span_label(first: date, end: date) -> str:
    """`08 Dec 2025 - 06 Dec 2026`: the years too, so a 52-week window reads at a glance."""
    if first.year == end.year:
        return f"{first:%d %b} - {end:%d %b %Y}"
    return f"{first:%d %b %Y} - {end:%d %b %Y}"


def _tick_positions(count: int, every: int) -> list[float]:
    return [float(i) for i in range(0, count, every)] or [0.0]


class TrendsScreen(LegrunScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="trends.back"),
        Binding("w", "cycle_weeks", "Weeks 12/26/52", id="trends.weeks"),
        Binding("right,l", "tab(1)", "Next chart", show=False, id="trends.next"),
        Binding("left,h", "tab(-1)", "Previous chart", show=False, id="trends.previous"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.weeks = RANGES[0]
        self.units = "km"
        self.bests_stale = True

    def compose(self) -> ComposeResult:
        yield Static(id="trends-title", markup=False)
        with TabbedContent(id="trends-tabs"):
            for key, title in TABS[:-1]:
                with TabPane(title, id=f"tab-{key}"):
                    yield PlotextPlot(id=f"plot-{key}")
                    yield Static(id=f"note-{key}", classes="chart-note", markup=False)
            with TabPane(TABS[-1][1], id="tab-recovery"), VerticalScroll():
                yield Static("Muscle recovery today", classes="section-title")
                for muscle in MUSCLES:
                    with Horizontal(classes="gauge"):
                        yield Label(muscle.capitalize(), classes="gauge-label")
                        yield ProgressBar(total=100, show_eta=False, id=f"gauge-{muscle}")
                yield Static("Personal bests", classes="section-title")
                yield Static(id="bests", markup=False)
        yield KeyBar(palette=True)

    def on_mount(self) -> None:
        self.follow_plan(self.refresh_charts)
        self.refresh_charts()

    def action_cycle_weeks(self) -> None:
        self.weeks = RANGES[(RANGES.index(self.weeks) + 1) % len(RANGES)]
        self.refresh_charts()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [f"tab-{key}" for key, _ in TABS]
        current = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(current + step) % len(ids)]

    # -- loading off the UI thread, drawing on it -----------------------------------------------

    class Loaded(Message):
        """What a worker read for the charts (and, when asked, the personal bests)."""

        def __init__(self, trends: Trends, bests: PersonalBests | None) -> None:
            super().__init__()
            self.trends = trends
            self.bests = bests

    def refresh_charts(self, _: object = None) -> None:
        """Read the window's sums in a worker (years of history can take a while, and a
        locked database must not freeze the screen); the charts are drawn when they come."""
        today = self.app.today
        profile = self.app.repository.profile()
        self.units = profile.units
        first = week_start_for(today, profile.week_start) - timedelta(weeks=self.weeks - 1)
        end = first + timedelta(weeks=self.weeks) - timedelta(days=1)
        self.query_one("#trends-title", Static).update(
            f"Trends · last {self.weeks} weeks ({span_label(first, end)}) · w changes"
        )
        # Personal bests read all of history: only when their tab is shown.
        self.bests_stale = True
        with_bests = self.query_one(TabbedContent).active == "tab-recovery"
        self._load(self.weeks, today, profile.week_start, with_bests)

    @work(thread=True, exclusive=True, group="trends", exit_on_error=False)
    def _load(self, weeks: int, today: date, week_start: int, with_bests: bool) -> None:
        try:
            with self.app.repository.reader() as repo:
                trends = load_trends(repo, weeks, today)
                bests = repo.personal_bests(week_start) if with_bests else None
        except StorageError as exc:
            self.app.call_from_thread(
                self.app.notify, f"Trends could not be read: {exc}", severity="error"
            )
            return
        self.post_message(self.Loaded(trends, bests))

    def on_trends_screen_loaded(self, message: Loaded) -> None:
        trends = message.trends
        if len(trends.weeks) != self.weeks:
            return  # an older range's sums, overtaken by a newer request
        self._volume(trends.weeks)
        self._load_chart(trends.weeks)
        self._fitness(trends)
        self._legs(trends.weeks)
        self._soreness(trends)
        self._recovery(message.bests)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-recovery" and self.bests_stale:
            self.refresh_charts()

    def _bars(self, key: str, weeks: list[WeekTotals], values: list[float], title: str) -> None:
        plot = self.query_one(f"#plot-{key}", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        positions = list(range(len(weeks)))
        plt.bar(positions, values, width=0.6)
        every = max(1, len(weeks) // 6)
        ticks = _tick_positions(len(weeks), every)
        plt.xticks(ticks, [_label(weeks[int(i)].week_start) for i in ticks])
        plt.title(title)
        plot.refresh()

    def _volume(self, weeks: list[WeekTotals]) -> None:
        units = self.units
        self._bars(
            "volume",
            weeks,
            [round(in_units(w.run_km, units), 1) for w in weeks],
            f"Run {units} per week",
        )
        done = [w for w in weeks if w.run_km]
        if not done:
            # No runs: an axis from -1 to 1 km would say nothing. Say what to do instead.
            self.query_one("#plot-volume", PlotextPlot).plt.ylim(0, 10)
            self.query_one("#note-volume", Static).update(
                f"No runs yet in these {len(weeks)} weeks: log one with a on the week screen "
                "(or legrun-tui log run)."
            )
            return
        average = sum(w.run_km for w in done) / len(done)
        last = weeks[-2] if len(weeks) > 1 else weeks[-1]
        self.query_one("#note-volume", Static).update(
            f"Last full week {distance(last.run_km, units)} in {last.run_minutes} min · this week "
            f"so far {distance(weeks[-1].run_km, units)} · average {distance(average, units)} "
            "over weeks with runs"
        )

    def _load_chart(self, weeks: list[WeekTotals]) -> None:
        plot = self.query_one("#plot-load", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        positions = list(range(len(weeks)))
        # Stacked by drawing each running total over the one before, each series with its
        # own glyph, so that without colour (NO_COLOR, a 16-colour terminal) they still differ.
        series = (
            ("cross", [w.leg_load + w.run_load + w.cross_load for w in weeks]),
            ("runs", [w.leg_load + w.run_load for w in weeks]),
            ("legs", [w.leg_load for w in weeks]),
        )
        for name, values in series:
            plt.bar(positions, values, width=0.6, marker=SERIES_GLYPHS[name], label=name)
        every = max(1, len(weeks) // 6)
        ticks = _tick_positions(len(weeks), every)
        plt.xticks(ticks, [_label(weeks[int(i)].week_start) for i in ticks])
        plt.title("Weekly load (RPE x minutes) by kind")
        plot.refresh()
        last = weeks[-2] if len(weeks) > 1 else weeks[-1]
        self.query_one("#note-load", Static).update(
            f"Last full week: legs {last.leg_load} · runs {last.run_load} · "
            f"cross {last.cross_load} · total {last.load}"
        )

    def _fitness(self, trends: Trends) -> None:
        points = trends.fitness
        plot = self.query_one("#plot-fitness", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        x = list(range(len(points)))
        # A glyph of its own for each line: colour alone never tells them apart.
        plt.plot(x, [p.fitness for p in points], label="fitness (42 d)", marker="braille")
        plt.plot(x, [p.fatigue for p in points], label="fatigue (7 d)", marker="•")
        plt.plot(x, [p.form for p in points], label="form", marker="x")
        every = max(7, (len(points) // 6 // 7) * 7)
        ticks = _tick_positions(len(points), every)
        plt.xticks(ticks, [_label(points[int(i)].day) for i in ticks])
        plt.title("Fitness, fatigue and form")
        plot.refresh()
        now = points[-1] if points else None
        self.query_one("#note-fitness", Static).update(
            f"Today: fitness {now.fitness:.0f} · fatigue {now.fatigue:.0f} · form {now.form:+.0f}"
            " (form below about -30 for long: time for an easier week)"
            if now
            else "No training logged yet."
        )

    def _legs(self, weeks: list[WeekTotals]) -> None:
        self._bars(
            "legs",
            weeks,
            [round(w.tonnage_kg / 1000, 2) for w in weeks],
            "Leg-day tonnage per week (tonnes: sets x reps x kg)",
        )
        last = weeks[-2] if len(weeks) > 1 else weeks[-1]
        self.query_one("#note-legs", Static).update(
            f"Last full week: {last.leg_days} leg day(s), {last.tonnage_kg:,.0f} kg lifted"
        )

    def _soreness(self, trends: Trends) -> None:
        first, today, by_day = trends.first, self.app.today, trends.soreness
        plot = self.query_one("#plot-soreness", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        days = (today - first).days + 1
        xs = [(d - first).days for d in sorted(by_day)]
        ys = [by_day[d] for d in sorted(by_day)]
        if xs:
            plt.plot(xs, ys, marker="braille")
        plt.ylim(0, 10)
        plt.xlim(0, max(1, days - 1))
        every = max(7, (days // 6 // 7) * 7)
        ticks = _tick_positions(days, every)
        plt.xticks(ticks, [_label(first + timedelta(days=int(i))) for i in ticks])
        plt.title("Morning soreness (0-10)")
        plot.refresh()
        note = self.query_one("#note-soreness", Static)
        if ys:
            note.update(
                f"{len(ys)} check-ins · average {sum(ys) / len(ys):.1f} · "
                f"7 or more on {sum(1 for y in ys if y >= 7)} mornings"
            )
        else:
            note.update("No check-ins in this range: press c on the week screen each morning.")

    def _recovery(self, bests: PersonalBests | None) -> None:
        plan = self.app.plan_for(self.app.today)  # the week screen's plan, already made
        for muscle in MUSCLES:
            self.query_one(f"#gauge-{muscle}", ProgressBar).update(
                progress=plan.state.recovery.get(muscle, 100)
            )
        if bests is not None:
            self.query_one("#bests", Static).update(describe_bests(bests, self.units))
            self.bests_stale = False


def describe_bests(bests: PersonalBests, units: str = "km") -> str:
    lines = []
    if bests.longest_run:
        r = bests.longest_run
        lines.append(f"Longest run       {distance(r.km, units)} on {r.day:%d %b %Y}")
    if bests.fastest_5k_plus:
        r = bests.fastest_5k_plus
        lines.append(
            f"Fastest (5 km+)   {pace(r.pace_min_per_km, units)} over {distance(r.km, units)}, "
            f"{r.day:%d %b %Y}"
        )
    if bests.most_weekly_km:
        day, km = bests.most_weekly_km
        lines.append(f"Biggest week      {distance(km, units)}, week of {day:%d %b %Y}")
    lifts = bests.lifts[:6]
    width = max([17, *(len(lift.name) for lift in lifts)])  # a long name is never cut
    for lift in lifts:
        lines.append(
            f"{lift.name:<{width}} ~{lift.one_rm_kg:g} kg 1RM (Epley; {lift.reps} x "
            f"{lift.load_kg:g} kg, {lift.day:%d %b %Y})"
        )
    return "\n".join(lines) or "Nothing logged yet."
