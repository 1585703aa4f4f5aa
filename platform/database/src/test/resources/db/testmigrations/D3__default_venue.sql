UPDATE trades SET venue = NULL WHERE venue = 'XNYS';
DELETE FROM venues WHERE code = 'XNYS';
