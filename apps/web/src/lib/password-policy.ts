/** Same wording as the server's policy message. */
export const PASSWORD_POLICY_MESSAGE =
  '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少三类';

/** Short form for placeholders. */
export const PASSWORD_POLICY_HINT = '至少 8 位，含大写、小写、数字、符号中的三类';

/** Mirrors the server's policy: ≥ 8 characters and at least 3 of upper/lower/digit/symbol. */
export function isPasswordStrong(password: string): boolean {
  if (password.length < 8) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  return classes.length >= 3;
}

/** antd Form validator for new passwords. */
export function passwordPolicyRule() {
  return {
    validator: (_: unknown, value: unknown) =>
      typeof value !== 'string' || value === '' || isPasswordStrong(value)
        ? Promise.resolve()
        : Promise.reject(new Error(PASSWORD_POLICY_MESSAGE)),
  };
}
