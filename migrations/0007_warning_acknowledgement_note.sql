-- Why a warning was acknowledged: who and when were kept already (acknowledged_by, acknowledged_at);
-- the note says what the acknowledger decided, e.g. "collection tasked" or "known gap, source offline".
ALTER TABLE warnings ADD COLUMN acknowledged_note TEXT;
