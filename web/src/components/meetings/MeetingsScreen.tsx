import { useCallback, useEffect, useState } from 'react';
import { describeError, isAbort } from '../../api/errors';
import {
  fetchMeetingRecord,
  fetchMeetings,
  fetchOverdue,
  fetchUnactioned,
  recordMeeting,
  type MeetingAction,
  type MeetingRecord,
  type MeetingSummary,
  type MeetingVersion,
  type OverdueReport,
  type UnactionedItem,
} from '../../api/meetings';
import type { User } from '../../api/session';
import { SessionControls } from '../SessionControls';
import { day } from '../licensing/common';
import { ActionList } from './ActionList';
import './meetings.css';

const AGENCIES = ['Police', 'Licensing', "Children's Social Care", 'Health', 'Education', 'Council'];
const ROLES = [
  { value: 'analyst', label: 'police (analyst)' },
  { value: 'licensing', label: 'licensing' },
  { value: 'safeguarding', label: 'safeguarding' },
];

interface ActionDraft {
  text: string;
  ownerAgency: string;
  ownerRole: string;
  dueOn: string;
  itemIds: string;
}
const blankAction = (): ActionDraft => ({ text: '', ownerAgency: 'Police', ownerRole: 'analyst', dueOn: '', itemIds: '' });

const ids = (s: string) => [...new Set(s.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean))];

/** Attendees as typed, one a line: "name, role, agency". */
function parseAttendees(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, role, agency] = l.split(',').map((x) => x.trim());
      return { name: name!, role: role || null, agency: agency || null };
    });
}
const attendeeLine = (a: MeetingVersion['attendees'][number]) => [a.name, a.role ?? '', a.agency ?? ''].join(', ').replace(/(, )+$/, '');

/** The form that records a meeting's first version, or a correction of its latest. */
function RecordForm({ meetingId, latest, onRecorded }: { meetingId: string; latest: MeetingVersion | null; onRecorded(): void }) {
  const [attendees, setAttendees] = useState(latest ? latest.attendees.map(attendeeLine).join('\n') : '');
  const [items, setItems] = useState(latest ? latest.items.map((i) => i.id).join(', ') : '');
  const [decisions, setDecisions] = useState(latest ? latest.decisions.join('\n') : '');
  const [reason, setReason] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setAction = (i: number, patch: Partial<ActionDraft>) => setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await recordMeeting({
        meetingId,
        basedOnVersion: latest?.version ?? null,
        correctionReason: latest ? reason.trim() || null : null,
        attendees: parseAttendees(attendees),
        itemIds: ids(items),
        decisions: decisions
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean),
        actions: actions
          .filter((a) => a.text.trim())
          .map((a) => ({ text: a.text.trim(), ownerAgency: a.ownerAgency, ownerRole: a.ownerRole, dueOn: a.dueOn, itemIds: ids(a.itemIds) })),
      });
      onRecorded();
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="mtg-form"
      data-testid="record-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{latest ? `Correct the record (version ${latest.version + 1}; version ${latest.version} is kept)` : 'Record this meeting'}</h3>
      <label>
        Attendees, one a line: name, role, agency
        <textarea rows={4} value={attendees} onChange={(e) => setAttendees(e.target.value)} data-testid="record-attendees" placeholder="Jo Okafor, social worker (chair), Children's Social Care" />
      </label>
      <label>
        Items discussed: ids of concerns, children, persons, operators (comma-separated)
        <input value={items} onChange={(e) => setItems(e.target.value)} data-testid="record-items" placeholder="per-c01, inc-0001, opr-3" />
      </label>
      <label>
        Decisions, one a line
        <textarea rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} data-testid="record-decisions" />
      </label>
      <fieldset className="mtg-new-actions">
        <legend>New actions</legend>
        {actions.length === 0 && <p className="muted small">No new action. Existing actions are updated from the list above.</p>}
        {actions.map((a, i) => (
          <div key={i} className="mtg-action-draft" data-testid="action-draft">
            <input className="mtg-grow" value={a.text} onChange={(e) => setAction(i, { text: e.target.value })} placeholder="What is to be done" aria-label="Action" data-testid="draft-text" />
            <select value={a.ownerAgency} onChange={(e) => setAction(i, { ownerAgency: e.target.value })} aria-label="Owner agency" data-testid="draft-agency">
              {AGENCIES.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
            <select value={a.ownerRole} onChange={(e) => setAction(i, { ownerRole: e.target.value })} aria-label="Owner role" data-testid="draft-role">
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
            <input type="date" value={a.dueOn} onChange={(e) => setAction(i, { dueOn: e.target.value })} aria-label="Due date" data-testid="draft-due" required />
            <input value={a.itemIds} onChange={(e) => setAction(i, { itemIds: e.target.value })} placeholder="about (ids, optional)" aria-label="About" data-testid="draft-items" />
            <button type="button" onClick={() => setActions((l) => l.filter((_, j) => j !== i))} aria-label="Remove this action">
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setActions((l) => [...l, blankAction()])} data-testid="add-action">
          Add an action
        </button>
      </fieldset>
      {latest && (
        <label>
          Why it is corrected (kept with the new version)
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="record-reason" required />
        </label>
      )}
      <div className="mtg-form-foot">
        <button type="submit" className="primary" disabled={saving} data-testid="record-save">
          {saving ? 'Saving…' : latest ? 'Save the correction' : 'Save the record'}
        </button>
        {error && (
          <span className="error-text" role="alert" data-testid="record-error">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}

/** One version as recorded: who, when, why, attendees, items, decisions. */
function VersionView({ v }: { v: MeetingVersion }) {
  return (
    <div className="mtg-version" data-testid="version" data-version={v.version}>
      <p className="small">
        Version {v.version}, recorded by <b>{v.recordedBy}</b> on {new Date(v.recordedAt).toLocaleString('en-GB')}
        {v.correctionReason && <> — correction: {v.correctionReason}</>}
      </p>
      <h4>Attendees ({v.attendees.length})</h4>
      <ul className="small" data-testid="version-attendees">
        {v.attendees.map((a, i) => (
          <li key={i}>
            {a.name}
            {a.role ? `, ${a.role}` : ''}
            {a.agency ? ` (${a.agency})` : ''}
          </li>
        ))}
      </ul>
      <h4>Discussed ({v.items.length})</h4>
      {v.items.length ? (
        <ul className="small">
          {v.items.map((i) => (
            <li key={i.id}>
              {i.label} <span className="muted">({i.kind === 'Person' && i.properties.child ? 'child' : i.kind.toLowerCase()})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No items recorded.</p>
      )}
      <h4>Decisions ({v.decisions.length})</h4>
      {v.textWithheld ? (
        <p className="muted small">Withheld: the record concerns a child you may not see.</p>
      ) : v.decisions.length ? (
        <ol className="small" data-testid="version-decisions">
          {v.decisions.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      ) : (
        <p className="muted small">No decisions recorded.</p>
      )}
    </div>
  );
}

/** One meeting: its record's versions (any can be looked at), its actions, and the form. */
function MeetingPanel({ meetingId, onChanged }: { meetingId: string; onChanged(): void }) {
  const [record, setRecord] = useState<MeetingRecord | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const load = useCallback(
    (signal?: AbortSignal) =>
      fetchMeetingRecord(meetingId, signal).then(
        (r) => {
          setRecord(r);
          setShown(r.versions[0]?.version ?? null);
        },
        (e: unknown) => !isAbort(e) && setError(describeError(e).message),
      ),
    [meetingId],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!record) return <p className="muted">Loading the meeting…</p>;
  const latest = record.versions[0] ?? null;
  const version = record.versions.find((v) => v.version === shown) ?? null;
  const replace = (a: MeetingAction) => setRecord((r) => (r ? { ...r, actions: r.actions.map((x) => (x.id === a.id ? a : x)) } : r));

  return (
    <div className="mtg-panel" data-testid="meeting-panel" data-meeting={meetingId}>
      <h2>{record.meeting.label}</h2>
      <p className="muted small">
        {String(record.meeting.properties.meetingKind ?? record.meeting.properties.kind ?? '').replace(/_/g, ' ')} meeting, {day(String(record.meeting.properties.date ?? ''))}
      </p>
      {record.versions.length === 0 ? (
        <p className="empty-inline">Not recorded yet: record who attended, what was discussed, what was decided and who is to do what.</p>
      ) : (
        <>
          <div className="mtg-versions" role="group" aria-label="Versions of the record">
            {record.versions.map((v) => (
              <button key={v.version} type="button" className={v.version === shown ? 'primary' : undefined} onClick={() => setShown(v.version)} aria-pressed={v.version === shown} data-testid="version-button">
                v{v.version}
                {v === latest ? ' (latest)' : ''}
              </button>
            ))}
            <span className="muted small">Earlier versions are kept as they were written.</span>
          </div>
          {version && <VersionView v={version} />}
        </>
      )}
      <h3>Actions ({record.actions.length})</h3>
      <ActionList
        actions={record.actions}
        editable
        empty="No actions from this meeting."
        onChanged={(a) => {
          replace(a);
          onChanged();
        }}
      />
      <RecordForm
        key={`${formKey}:${latest?.version ?? 0}`}
        meetingId={meetingId}
        latest={latest}
        onRecorded={() => {
          setFormKey((k) => k + 1);
          void load();
          onChanged();
        }}
      />
    </div>
  );
}

function OverduePanel() {
  const [report, setReport] = useState<OverdueReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    fetchOverdue(ctrl.signal).then(setReport, (e: unknown) => !isAbort(e) && setError(describeError(e).message));
    return () => ctrl.abort();
  }, []);
  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!report) return <p className="muted">Loading overdue actions…</p>;
  return (
    <div className="mtg-report" data-testid="overdue-report">
      <h2>Overdue actions on {day(report.asOf)}</h2>
      <p className="muted small">Open actions past their due date. Per agency:</p>
      {report.byAgency.length === 0 ? (
        <p className="empty-inline">No action is overdue.</p>
      ) : (
        <table className="lic-table compact" data-testid="overdue-by-agency">
          <thead>
            <tr>
              <th>Agency</th>
              <th className="num">Overdue</th>
            </tr>
          </thead>
          <tbody>
            {report.byAgency.map((g) => (
              <tr key={g.owner}>
                <td>{g.agency}</td>
                <td className="num hot">{g.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.byOwner.map((g) => (
        <section key={g.owner} data-testid="overdue-owner" data-owner={g.owner}>
          <h3>
            {g.owner} — {g.count} overdue
          </h3>
          <ActionList actions={g.actions} editable={false} empty="" showMeeting />
        </section>
      ))}
    </div>
  );
}

function UnactionedPanel() {
  const [items, setItems] = useState<UnactionedItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    fetchUnactioned(ctrl.signal).then(setItems, (e: unknown) => !isAbort(e) && setError(describeError(e).message));
    return () => ctrl.abort();
  }, []);
  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!items) return <p className="muted">Loading…</p>;
  return (
    <div className="mtg-report" data-testid="unactioned-report">
      <h2>Raised at two or more meetings, with no action</h2>
      <p className="muted small">Concerns, children, persons and operators that came back meeting after meeting and nobody was given anything to do about.</p>
      {items.length === 0 ? (
        <p className="empty-inline">Nothing raised twice is without an action.</p>
      ) : (
        <table className="lic-table compact">
          <thead>
            <tr>
              <th>Item</th>
              <th className="num">Meetings</th>
              <th>Raised at</th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.item.id} data-testid="unactioned-item">
                <td>
                  {u.item.label} <span className="muted small">({u.item.kind === 'Person' && u.item.properties.child ? 'child' : u.item.kind.toLowerCase()})</span>
                </td>
                <td className="num hot">{u.meetings.length}</td>
                <td className="small">{u.meetings.map((m) => `${day(String(m.properties.date ?? ''))}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const TABS = [
  { key: 'meetings', label: 'Meetings' },
  { key: 'overdue', label: 'Overdue actions' },
  { key: 'unactioned', label: 'Raised, no action' },
] as const;
type Tab = (typeof TABS)[number]['key'];

/**
 * Meetings and what followed from them (safeguarding and analysts): each meeting's record in
 * versions (a correction is a new version; the old ones stay readable), its decisions and
 * actions with their status; the overdue actions per owner and agency; items raised again and
 * again with no action.
 */
export function MeetingsScreen({ user, onSignOut, onBack }: { user: User; onSignOut(): void; onBack(): void }) {
  const [tab, setTab] = useState<Tab>('meetings');
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    fetchMeetings(ctrl.signal).then(setMeetings, (e: unknown) => !isAbort(e) && setError(describeError(e).message));
    return () => ctrl.abort();
  }, [reload]);

  return (
    <div className="app mtg-app">
      <header className="topbar">
        <div className="brand">
          Link chart <span className="operation"> · Meetings and actions</span>
        </div>
        <nav className="mtg-tabs" aria-label="Meetings">
          {TABS.map((t) => (
            <button key={t.key} type="button" className={tab === t.key ? 'primary' : undefined} aria-pressed={tab === t.key} onClick={() => setTab(t.key)} data-testid={`mtg-tab-${t.key}`}>
              {t.label}
            </button>
          ))}
          <button type="button" onClick={onBack} data-testid="mtg-back">
            {user.role === 'safeguarding' ? 'Back to the strategy meeting' : 'Back to the chart'}
          </button>
        </nav>
        <SessionControls user={user} onSignOut={onSignOut} />
      </header>
      <main className="mtg-body">
        {tab === 'meetings' && (
          <div className="mtg-split">
            <aside className="mtg-list" aria-label="Meetings">
              {error && <p className="error-text" role="alert">{error}</p>}
              {!meetings && !error && <p className="muted">Loading meetings…</p>}
              {meetings?.length === 0 && <p className="empty-inline">No meetings.</p>}
              <ul>
                {meetings?.map((m) => (
                  <li key={m.meeting.id}>
                    <button type="button" className={`mtg-list-item${selected === m.meeting.id ? ' selected' : ''}`} onClick={() => setSelected(m.meeting.id)} data-testid="meeting-item" data-meeting={m.meeting.id}>
                      <span className="mtg-list-title">{m.meeting.label}</span>
                      <span className="small muted">
                        {day(String(m.meeting.properties.date ?? ''))} · {m.versions ? `recorded (v${m.versions})` : 'not recorded'}
                        {m.openActions ? ` · ${m.openActions} open` : ''}
                      </span>
                      {m.overdueActions > 0 && <span className="status-pill tone-bad small">{m.overdueActions} overdue</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </aside>
            <section className="mtg-main">
              {selected ? (
                <MeetingPanel key={selected} meetingId={selected} onChanged={() => setReload((n) => n + 1)} />
              ) : (
                <p className="empty-inline">Choose a meeting on the left to see its record and actions, or to record it.</p>
              )}
            </section>
          </div>
        )}
        {tab === 'overdue' && (
          <div className="lic-section">
            <OverduePanel key={reload} />
          </div>
        )}
        {tab === 'unactioned' && (
          <div className="lic-section">
            <UnactionedPanel key={reload} />
          </div>
        )}
      </main>
    </div>
  );
}
