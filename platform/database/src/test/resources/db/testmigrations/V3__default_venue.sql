INSERT INTO venues (code) VALUES ('XNYS');
