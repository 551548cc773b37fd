-- A bill may be paid into an account other than the unit's own: a producer of the commune shop is paid
-- into their own account. All three columns or none; the VietQR code and the receipt name this account.
alter table payment_bill add column payee_bin varchar(6) check (payee_bin ~ '^[0-9]{6}$');
alter table payment_bill add column payee_account varchar(19) check (payee_account ~ '^[0-9]{6,19}$');
alter table payment_bill add column payee_name varchar(50) check (payee_name ~ '^[A-Z0-9 .,&()/-]{2,50}$');
alter table payment_bill add constraint payment_bill_payee_whole check (
  (payee_bin is null and payee_account is null and payee_name is null)
  or (payee_bin is not null and payee_account is not null and payee_name is not null));
