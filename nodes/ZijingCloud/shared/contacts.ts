import type { IDataObject } from 'n8n-workflow';

/**
 * ASSUMPTION (the only place that holds it): a contact of Booking → Get Contacts carries its user ID
 * as `id` and its name as `name`. The document's sample answer of `getcontacts` shows a booking
 * instead of a contact; `{id, name}` is the shape of the people it shows elsewhere (a booking's
 * `createSubscriber` and `visitorList`, whose `id` is the uid that `visitor_ids` takes). A list
 * whose entries have no `id` is refused with what arrived, never read as an empty list.
 */
export const CONTACT_ID_KEY = 'id';
export const CONTACT_NAME_KEY = 'name';

/** A contact's ID and name, or undefined when the entry has no usable ID. */
export function readContact(entry: IDataObject): { id: string; name: string } | undefined {
	const id = entry[CONTACT_ID_KEY];
	// a number from JSON is always finite
	if ((typeof id !== 'string' || id.trim() === '') && typeof id !== 'number') return undefined;
	const name = entry[CONTACT_NAME_KEY];
	return { id: String(id).trim(), name: typeof name === 'string' && name.trim() ? name.trim() : String(id) };
}
