// Whether a change taken on a screen has left the desk's waiting list (reached the legacy
// database): a read of the record made after the change no longer lists it. A read from before
// the change proves nothing, hence the two times.
export function hasLeft(takenAt: number | null, readAt: number, stillListed: boolean): boolean {
  return takenAt !== null && readAt > takenAt && !stillListed;
}
