-- Why a warning was acknowledged: who and when were kept already (acknowledged_by, acknowledged_at);
-- the note says what the acknowledger decided, e.g. "collection tasked" or "known gap, source offline".
ALTER TABLE warnings ADD COLUMN acknowledged_note TEXT;

-- The words at the two ends of the topic's 1–5 level scale ("against resurgence", "toward resurgence"),
-- so pages and charts name the scale of whichever topic is loaded.
ALTER TABLE topic ADD COLUMN scale_low TEXT;
ALTER TABLE topic ADD COLUMN scale_high TEXT;
