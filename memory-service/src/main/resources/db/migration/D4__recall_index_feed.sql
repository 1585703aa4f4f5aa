-- Down of V4: the recall index's feed of removals and this database's name.
DROP TABLE recall_index_origin;
DROP TRIGGER decision_history_removals ON decision_history;
DROP FUNCTION finagent_record_decision_removals();
DROP TABLE decision_removals;
