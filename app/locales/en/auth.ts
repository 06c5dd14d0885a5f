import type { auth as zh } from "../zh-CN/auth";

export const auth: typeof zh = {
  fields: {
    name: "Name",
    email: "Email",
    phone: "Mobile number",
    password: "Password",
    confirmPassword: "Confirm password",
    currentPassword: "Current password",
    newPassword: "New password",
    confirmNewPassword: "Confirm new password",
  },
  hints: {
    name: "Your real name, so funders and your organisation's members know who you are.",
    email: "Used to sign in and for notifications; not case-sensitive.",
    phone: "Optional; a mainland China mobile number.",
    newPassword: "At least 10 characters; a mix of letters, digits and symbols is best.",
  },
  errors: {
    passwordMismatch: "The two passwords do not match",
    emailTaken: "This email already has an account. Sign in instead, or use “Forgot password” to reset it.",
    invalidCredentials: "The email or password is not correct.",
    locked: "Too many failed sign-ins. Please try again in {{minutes}} minutes.",
    wrongCurrentPassword: "The current password is not correct",
  },
  signUp: {
    title: "Create an account",
    intro:
      "With an account you can register a community organisation and apply for micro-grants. Funder staff and organisation members who were invited sign up here too.",
    submit: "Sign up",
    haveAccount: "Already have an account?",
    signInLink: "Sign in",
    welcome: "Welcome to the Micro-Philanthropy Venture Portal!",
  },
  signIn: {
    title: "Sign in",
    intro: "Sign in with the email and password you registered with.",
    submit: "Sign in",
    forgotPassword: "Forgot your password?",
    noAccount: "No account yet?",
    signUpLink: "Sign up",
  },
  forgotPassword: {
    title: "Reset your password",
    intro:
      "Enter the email you registered with and we will send you a link to set a new password. The link works for 1 hour.",
    submit: "Send the reset link",
    sent: "If that email has an account, we have sent a reset link to it. Please check your inbox (and spam folder).",
    backToSignIn: "Back to sign in",
    emailSubject: "Reset your Micro-Philanthropy Venture Portal password",
    emailBody:
      "Hello {{name}},\n\nWe received a request to reset your password on the Micro-Philanthropy Venture Portal. Open this link within {{minutes}} minutes to choose a new one:\n\n{{link}}\n\nThe link works once. If you did not ask for this, ignore this email and your password stays the same.\n\nMicro-Philanthropy Venture Portal",
  },
  resetPassword: {
    title: "Choose a new password",
    intro: "Set a new password for {{email}}. Every other device signed in to this account will be signed out.",
    submit: "Save the new password",
    goneTitle: "This reset link no longer works",
    gone: "The link is invalid, has expired or has already been used. Reset links work once, within 1 hour.",
    askAgain: "Get a new reset link",
    done: "Your password has been reset and you are signed in.",
  },
  account: {
    title: "My account",
    profileTitle: "Profile",
    emailNote: "Signed in as {{email}}",
    saveProfile: "Save profile",
    profileSaved: "Your profile has been saved.",
    passwordTitle: "Change password",
    passwordIntro: "Changing it signs you out on every other device.",
    changePassword: "Change password",
    passwordChanged: "Your password has been changed and other devices have been signed out.",
    sessionsTitle: "Signed-in devices",
    sessionsBody:
      "Active sessions: {{count}} (including this one). If you signed in on a shared computer or suspect someone else is using your account, sign out everywhere.",
    signOutEverywhere: "Sign out everywhere",
    signedOutEverywhere: "You have been signed out on every device. Please sign in again.",
  },
  invitation: {
    title: "Accept invitation",
    forFunder: "You are invited to join the funder “{{target}}” as staff, to manage its micro-grant programs.",
    forOrganization:
      "You are invited to join the organisation “{{target}}” as a member, to apply for and run projects.",
    invitedEmail: "Invited email: {{email}}",
    signedOutHint:
      "Sign in with the invited email to accept. If you have no account yet, sign up with that email first.",
    signIn: "Sign in to accept",
    signUp: "Create an account",
    accept: "Accept invitation",
    wrongEmailTitle: "You are signed in with a different email",
    wrongEmail:
      "This invitation was sent to {{invited}}, but you are signed in as {{current}}. Sign out, then sign in or sign up with the invited email.",
    switchAccount: "Sign out and switch account",
    goneTitle: "This invitation no longer works",
    gone: "The invitation link is invalid, has expired, was withdrawn or has already been used. Ask the person who invited you to send a new one.",
    accepted: "You have accepted the invitation.",
    emailSubject: "You are invited to join “{{target}}” on the Micro-Philanthropy Venture Portal",
    emailBody:
      "Hello,\n\n{{inviter}} has invited you to join “{{target}}” on the Micro-Philanthropy Venture Portal. Open this link to accept (if you have no account yet, sign up with this email address). The link expires, so please do it soon:\n\n{{link}}\n\nIf you do not know the sender, ignore this email.\n\nMicro-Philanthropy Venture Portal",
  },
};
